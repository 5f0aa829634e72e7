import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { BatchError } from "./batch-errors.js";
import type { JobResult } from "./job-result.js";

/** Writes the results file (one JSON line per job, in the jobs file's order) atomically. */
export async function writeResults(path: string, results: readonly JobResult[]): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temp, results.map((r) => `${JSON.stringify(r)}\n`).join(""), { mode: 0o600 });
    await rename(temp, path);
  } catch (error) {
    const full = (error as { code?: string }).code === "ENOSPC";
    throw new BatchError(
      full ? "disk_full" : "results",
      `Cannot write the results file ${path}: ${full ? "the disk is full" : (error as Error).message}. Nothing is lost: the journal (or the queue) holds every job; free space and rerun to write it.`,
      { cause: error },
    );
  }
}
