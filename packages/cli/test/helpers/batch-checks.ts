import { readFile } from "node:fs/promises";
import { expect } from "vitest";
import type { BatchSims } from "./batch-sims.js";

/** Kinds a job may end with: a result, or one of the runtime's / the batch's typed errors. */
const TYPED =
  /^(ambiguous_submission|task_failed|task_cancelled|task_timed_out|invalid_request|authentication|insufficient_credits|rate_limited|content_rejected|server_error|network|timeout|budget_exhausted|missing_credential)$/;

/** One parsed results-file line (the fields the tests read). */
export interface ResultLine {
  id: string;
  status: string;
  urls: string[];
  files: string[];
  handle?: unknown;
  error: { kind: string; message: string; created: unknown };
}

/** A results file as parsed lines. */
export async function readResults(path: string): Promise<ResultLine[]> {
  const text = await readFile(path, "utf8");
  return text
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

/**
 * Every job ends with a result (and its files) or a typed error, no job's create reached a
 * simulator twice, and a succeeded task was created exactly once.
 */
export async function expectBatchSettled(sims: BatchSims, resultsPath: string, count: number) {
  const results = await readResults(resultsPath);
  expect(results).toHaveLength(count);
  const creates = sims.createsByJob();
  for (const r of results) {
    if (r.status === "succeeded") {
      expect(r.urls.length, r.id).toBeGreaterThan(0);
      expect(creates.get(r.id), r.id).toBe(1);
    } else {
      expect(r.status, JSON.stringify(r)).toBe("failed");
      expect(r.error.kind, JSON.stringify(r.error)).toMatch(TYPED);
    }
  }
  const doubles = [...creates].filter(([, n]) => n > 1);
  expect(doubles).toEqual([]);
  return results;
}

/** A small seeded generator (tests pick kill points at random but reproducibly). */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
