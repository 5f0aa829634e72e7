import type { TaskHandle } from "@gen/runtime";
import type { JobError } from "./job-error.js";
import type { JournalRecord } from "./journal.js";

/** Where a job stands, folded from its journal records. */
export interface JobState {
  key: string;
  fp?: string;
  /** `creating`: a create was (maybe) sent and no handle came back. */
  phase: "new" | "creating" | "created" | "result" | "done" | "failed";
  handle?: TaskHandle;
  result?: unknown;
  urls?: string[];
  files?: string[];
  error?: JobError;
  /** Credits of the creates sent for this job (where known). */
  spent: number;
  /** Cost of the latest create, refunded from `spent` when the vendor refused it. */
  lastCost?: number;
}

/** Folds journal records into one state per job key. */
export function foldJournal(records: readonly JournalRecord[]): Map<string, JobState> {
  const states = new Map<string, JobState>();
  for (const r of records) {
    const s = states.get(r.key) ?? { key: r.key, phase: "new", spent: 0 };
    states.set(r.key, s);
    switch (r.t) {
      case "creating":
        s.phase = "creating";
        s.fp = r.fp;
        s.spent += r.cost ?? 0;
        s.lastCost = r.cost ?? 0;
        s.error = undefined;
        break;
      case "created":
        s.phase = "created";
        s.handle = r.handle;
        break;
      case "result":
        s.phase = "result";
        s.error = undefined;
        s.result = r.result;
        s.urls = r.urls;
        break;
      case "done":
        s.phase = "done";
        s.files = r.files;
        break;
      case "download-failed":
        s.error = r.error;
        break;
      case "failed":
        s.phase = "failed";
        s.error = r.error;
        if (r.error.created === false) s.spent -= s.lastCost ?? 0;
        s.lastCost = 0;
        break;
    }
  }
  return states;
}
