import type { TaskHandle } from "@gen/runtime";
import type { JobError } from "./job-error.js";

/** One line of the results file. */
export interface JobResult {
  id: string;
  line: number;
  vendor: string;
  operation: string;
  /** `pending`: not finished (interrupted, or still running on workers). */
  status: "succeeded" | "failed" | "pending";
  handle?: TaskHandle;
  urls?: string[];
  files?: string[];
  result?: unknown;
  error?: JobError;
}
