import { createHash } from "node:crypto";
import type { TaskHandle } from "@gen/runtime";
import type { JobError } from "../job-error.js";

/** What a queued job carries (never a credential: workers read their own environment). */
export interface BatchJobData {
  batch: string;
  key: string;
  line: number;
  vendor: string;
  operation: string;
  input: unknown;
  fp: string;
  cost?: number;
  /** Credit budget of the batch (shared counter in Redis). */
  budget?: number;
  /** Written (and acknowledged by Redis) before the wait starts: a retried job resumes, never creates. */
  handle?: TaskHandle;
  /** Set when the job fails with a typed error. */
  error?: JobError;
  /** Set when the job succeeds (also in the return value): a worker that held it by mistake returns the same. */
  done?: BatchJobReturn;
}

/** What a completed job returns. */
export interface BatchJobReturn {
  result: unknown;
  urls: string[];
}

/** The queue of a vendor; shared by every batch, so the vendor's limits hold across batches. */
export function queueName(vendor: string): string {
  return `gen-batch-${vendor}`;
}

/** BullMQ job id of a job of a batch (custom ids may not contain ":"). */
export function jobId(batch: string, key: string): string {
  return `${batch}-${createHash("sha256").update(key).digest("hex").slice(0, 20)}`;
}

/** Redis key claimed (SET NX) by the one worker that may send a job's create. */
export function createClaimKey(id: string): string {
  return `gen-batch:claim:${id}`;
}

/** Redis key of a batch's credit counter. */
export function spentKey(batch: string): string {
  return `gen-batch:spent:${batch}`;
}

/** A stable batch id from its jobs: rerunning the same file finds the same jobs. */
export function batchId(fingerprints: readonly string[], name?: string): string {
  const hash = createHash("sha256").update(fingerprints.join(",")).digest("hex").slice(0, 12);
  return name ? `${name.replace(/[^A-Za-z0-9_-]/g, "_")}-${hash}` : `b${hash}`;
}
