import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { WaitOptions } from "@gen/runtime";
import { BatchError } from "./batch-errors.js";
import type { BatchOptions } from "./batch-options.js";
import { ProgressTracker } from "./batch-progress.js";
import type { BatchClient } from "./batch-source.js";
import { ambiguousJobError, type JobError, toJobError } from "./job-error.js";
import type { JobResult } from "./job-result.js";
import type { JobSpec } from "./job-spec.js";
import { foldJournal, type JobState } from "./job-state.js";
import { Journal } from "./journal.js";
import { openClients } from "./open-clients.js";
import { vendorGates } from "./vendor-limits.js";
import { writeResults } from "./write-results.js";

/** Options of {@link runBatch}. */
export interface RunBatchOptions extends BatchOptions {
  /** The journal (default `<results>.journal`, next to the results). */
  journalPath?: string;
  /** Per-task wait limit, ms (default: the vendor's). */
  timeoutMs?: number;
  /** Told about anything the user must know (a handle that could not be journaled). */
  onNotice?: (line: string) => void;
}

/** What a run did. */
export interface BatchSummary {
  results: JobResult[];
  succeeded: number;
  failed: number;
  pending: number;
  /** Creates sent in this run. */
  created: number;
  interrupted: boolean;
}

/**
 * Runs a batch in this process with the journal as the source of truth: finished jobs are skipped,
 * jobs with a handle resume waiting, a job whose create was sent without an answer recorded is
 * marked `ambiguous_submission` (never sent again unless `retryAmbiguous`), the rest are created.
 */
export async function runBatch(options: RunBatchOptions): Promise<BatchSummary> {
  const { jobs, source } = options;
  const journalPath = options.journalPath ?? `${options.resultsPath}.journal`;
  const { journal, records } = await Journal.open(journalPath);
  try {
    const states = foldJournal(records);
    checkFingerprints(jobs, states, journalPath);
    const clients = await openClients(
      source,
      neededVendors(jobs, states, options),
      options.env ?? process.env,
    );
    return await execute(options, journal, states, clients);
  } finally {
    await journal.close();
  }
}

function checkFingerprints(
  jobs: readonly JobSpec[],
  states: Map<string, JobState>,
  journalPath: string,
): void {
  const changed = jobs.filter((j) => {
    const fp = states.get(j.key)?.fp;
    return fp !== undefined && fp !== j.fingerprint;
  });
  if (changed.length === 0) return;
  const lines = changed.map((j) => `line ${j.line} (${j.key})`).join(", ");
  throw new BatchError(
    "invalid_request",
    `These jobs changed since ${journalPath} recorded them: ${lines}. Give changed jobs a new "id", or use a new results file.`,
  );
}

function neededVendors(
  jobs: readonly JobSpec[],
  states: Map<string, JobState>,
  options: RunBatchOptions,
): string[] {
  const vendors = new Set<string>();
  for (const job of jobs) {
    const s = states.get(job.key);
    if (s?.phase === "done" || (s?.phase === "failed" && s.error?.created !== false)) continue;
    if (s?.phase === "result" && !options.downloadDir) continue;
    vendors.add(job.vendor);
  }
  return [...vendors];
}

async function execute(
  options: RunBatchOptions,
  journal: Journal,
  states: Map<string, JobState>,
  clients: Map<string, BatchClient>,
): Promise<BatchSummary> {
  const { jobs, signal } = options;
  const gates = vendorGates(clients.keys(), options.limits);
  const tracker = new ProgressTracker(jobs.length);
  let spent = [...states.values()].reduce((sum, s) => sum + s.spent, 0);
  let created = 0;
  let fatal: Error | undefined;
  const report = () => options.onProgress?.(tracker.snapshot());
  const stopped = () => signal?.aborted === true || fatal !== undefined;
  const waitOptions: WaitOptions = {
    ...(signal ? { signal } : {}),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.pollMs === undefined ? {} : { minDelayMs: options.pollMs, maxDelayMs: options.pollMs }),
  };

  const fail = async (job: JobSpec, state: JobState, error: JobError) => {
    await journal.append({ t: "failed", key: job.key, error });
    Object.assign(state, { phase: "failed", error });
  };

  const runJob = async (job: JobSpec, state: JobState): Promise<void> => {
    const client = clients.get(job.vendor) as BatchClient;
    if (state.phase === "creating") {
      if (!options.retryAmbiguous) return fail(job, state, ambiguousJobError(job.vendor));
      state.phase = "new";
    }
    if (state.phase === "new" || state.phase === "failed") {
      if (stopped()) return;
      await gates.get(job.vendor)?.creates.add(async () => {
        if (stopped()) return;
        if (job.cost !== undefined && options.budget !== undefined && spent + job.cost > options.budget) {
          return fail(job, state, budgetError(job, spent, options.budget));
        }
        // On disk before the create leaves: a crash from here on never leads to a second create.
        await journal.append({
          t: "creating",
          key: job.key,
          fp: job.fingerprint,
          at: new Date().toISOString(),
          ...(job.cost === undefined ? {} : { cost: job.cost }),
        });
        Object.assign(state, { phase: "creating", fp: job.fingerprint, error: undefined });
        spent += job.cost ?? 0;
        created++;
        let outcome: Awaited<ReturnType<BatchClient["create"]>>;
        try {
          outcome = await client.create(job.operation, job.input);
        } catch (error) {
          const jobError = toJobError(error, "creating");
          if (jobError.created === false) spent -= job.cost ?? 0;
          return fail(job, state, jobError);
        }
        if ("handle" in outcome) {
          state.handle = outcome.handle;
          await journal.append({ t: "created", key: job.key, handle: outcome.handle }).catch((error) => {
            options.onNotice?.(`task created but not journaled: ${JSON.stringify(outcome.handle)}`);
            throw error;
          });
          state.phase = "created";
        } else {
          await recordResult(job, state, outcome.result);
        }
      });
    }
    if (state.phase === "created" && state.handle) {
      if (stopped()) return;
      let result: unknown;
      try {
        result = await client.resume(state.handle).wait(waitOptions);
      } catch (error) {
        if (signal?.aborted) return;
        return fail(job, state, toJobError(error, "waiting"));
      }
      await recordResult(job, state, result);
    }
    if (state.phase === "result") await deliver(job, state);
  };

  const recordResult = async (job: JobSpec, state: JobState, result: unknown) => {
    const urls = clients.get(job.vendor)?.resultUrls(job.operation, result) ?? [];
    await journal.append({ t: "result", key: job.key, result, urls });
    Object.assign(state, { phase: "result", result, urls });
  };

  const deliver = async (job: JobSpec, state: JobState) => {
    const files: string[] = [];
    if (options.downloadDir && (state.urls?.length ?? 0) > 0) {
      const client = clients.get(job.vendor) as BatchClient;
      const dir = join(options.downloadDir, job.key);
      await rm(dir, { recursive: true, force: true });
      try {
        for (const url of state.urls ?? []) files.push((await client.download(url, dir)).path);
      } catch (error) {
        // The task is paid and its result URLs are kept: the job fails, a rerun downloads again.
        const e = toJobError(error, "waiting");
        state.error = { ...e, kind: `download_${e.kind}` };
        await journal.append({ t: "download-failed", key: job.key, error: state.error });
        return;
      }
    }
    await journal.append({ t: "done", key: job.key, files });
    Object.assign(state, { phase: "done", files, error: undefined });
  };

  const tasks = jobs.map((job) => {
    const state = states.get(job.key) ?? { key: job.key, phase: "new" as const, spent: 0 };
    states.set(job.key, state);
    if (isFinal(state, options.downloadDir)) {
      tracker.finished(state.phase === "done" || state.phase === "result", false);
      return Promise.resolve();
    }
    if (state.phase === "failed") state.phase = "new"; // nothing was created: try again
    const gate = gates.get(job.vendor);
    return gate?.jobs.add(async () => {
      if (stopped()) return;
      tracker.counts.running++;
      report();
      try {
        await runJob(job, state);
      } catch (error) {
        fatal ??= error as Error;
      } finally {
        tracker.counts.running--;
        if (state.phase === "done" || state.phase === "failed" || state.error)
          tracker.finished(state.phase === "done");
        report();
      }
    });
  });
  report();
  await Promise.all(tasks);
  const results = jobs.map((job) => toResult(job, states.get(job.key)));
  try {
    await writeResults(options.resultsPath, results);
  } catch (error) {
    fatal ??= error as Error;
  }
  if (fatal) throw fatal;
  return summarize(results, created, signal?.aborted === true);
}

function isFinal(state: JobState, downloadDir: string | undefined): boolean {
  if (state.phase === "done") return true;
  if (state.phase === "result") return !downloadDir;
  return state.phase === "failed" && state.error?.created !== false;
}

function budgetError(job: JobSpec, spent: number, budget: number): JobError {
  return {
    kind: "budget_exhausted",
    vendor: job.vendor,
    created: false,
    message: `Credit budget reached: ${spent} of ${budget} spent, this job costs ${job.cost}; not created. Rerun with a larger --budget to create it.`,
  };
}

/** The results-file line of a job from its state. */
export function toResult(job: JobSpec, state: JobState | undefined): JobResult {
  const base: JobResult = {
    id: job.key,
    line: job.line,
    vendor: job.vendor,
    operation: job.operation,
    status: "pending",
  };
  if (!state) return base;
  if (state.handle) base.handle = state.handle;
  if (state.phase === "result" && state.error) {
    return { ...base, status: "failed", urls: state.urls ?? [], result: state.result, error: state.error };
  }
  if (state.phase === "done" || state.phase === "result") {
    return {
      ...base,
      status: "succeeded",
      urls: state.urls ?? [],
      files: state.files ?? [],
      result: state.result,
    };
  }
  if (state.phase === "failed" && state.error) return { ...base, status: "failed", error: state.error };
  return base;
}

/** Counts of a results list. */
export function summarize(results: JobResult[], created: number, interrupted: boolean): BatchSummary {
  const count = (s: JobResult["status"]) => results.filter((r) => r.status === s).length;
  return {
    results,
    succeeded: count("succeeded"),
    failed: count("failed"),
    pending: count("pending"),
    created,
    interrupted,
  };
}
