import type { BatchProgress } from "./batch-progress.js";
import type { BatchSource } from "./batch-source.js";
import type { JobSpec } from "./job-spec.js";
import type { VendorLimit } from "./vendor-limits.js";

/** What both engines (journal and Redis) take. */
export interface BatchOptions {
  jobs: readonly JobSpec[];
  source: BatchSource;
  /** Results file (JSON lines, one per job in the jobs file's order). */
  resultsPath: string;
  /** Download every result URL into `<dir>/<job id>/`. */
  downloadDir?: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** Per vendor (`"*"` for all): jobs in flight and creates per second. */
  limits?: Readonly<Record<string, VendorLimit>>;
  /** Stop creating once this many credits are spent (jobs whose cost the vendor states). */
  budget?: number;
  /** Create again the jobs whose earlier create may or may not have reached the vendor. */
  retryAmbiguous?: boolean;
  /** Embedded: fixed poll interval of the tasks, ms. Redis: how often the jobs' states are read (default 500). */
  pollMs?: number;
  /** Abort: no new create starts, waits stop (tasks keep running at the vendor; a rerun resumes). */
  signal?: AbortSignal;
  onProgress?: (progress: BatchProgress) => void;
}
