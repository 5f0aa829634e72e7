import { randomUUID } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { isGenError, type ProgressEvent, type Task } from "@gen/runtime";
import { codeSnippets } from "./code-snippets.js";
import type { HistoryStore } from "./history-store.js";
import type { RunFile, RunRecord } from "./run-record.js";
import type { StudioOperation, StudioVendor } from "./types.js";

/** One server-sent event: the run as it now is, and what changed. */
export interface RunEvent {
  type: "state" | "progress";
  run: RunRecord;
}

type Listener = (event: RunEvent) => void;

/** Options of {@link RunManager}. */
export interface RunManagerOptions {
  history: HistoryStore;
  /** Downloaded results go to `<filesDir>/<run id>/`. */
  filesDir: string;
  /** Fixed delay between polls, ms (default: the vendor's adaptive schedule). */
  pollMs?: number;
  /** Largest result file downloaded for preview (default 512 MiB). */
  maxDownloadBytes?: number;
}

/**
 * Runs operations and waits for their tasks with the SDK (same progress events as `onProgress`),
 * stores every change in the history, downloads results through the runtime's safe download, and
 * fans events out to the page's event streams.
 */
export class RunManager {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly waiting = new Map<string, AbortController>();

  constructor(private readonly options: RunManagerOptions) {}

  /** Calls the operation; resolves once the task exists (handle stored) or the result is in. */
  async start(vendor: StudioVendor, op: StudioOperation, input: unknown): Promise<RunRecord> {
    let run: RunRecord = {
      id: randomUUID(),
      vendor: vendor.id,
      operation: op.id,
      input,
      createdAt: new Date().toISOString(),
      state: "running",
      code: codeSnippets(vendor, op, input),
    };
    let outcome: unknown;
    try {
      outcome = await op.invoke(vendor.client, input);
    } catch (error) {
      run = { ...run, state: "failed", error: describeError(error) };
      await this.options.history.save(run);
      return run;
    }
    if (!isTask(outcome)) {
      run = await this.finish(vendor, run, outcome);
      await this.options.history.save(run);
      return run;
    }
    run = { ...run, handle: outcome.handle };
    await this.options.history.save(run);
    this.follow(vendor, run, outcome);
    return run;
  }

  /** Resumes waiting for a stored task (after a restart or a cancel). */
  async resume(vendor: StudioVendor, run: RunRecord): Promise<RunRecord> {
    if (!run.handle) throw new Error("this run has no task to resume");
    if (this.waiting.get(run.id)?.signal.aborted === false) return run;
    const next: RunRecord = { ...run, state: "running" };
    delete next.error;
    await this.update(next, "state");
    this.follow(vendor, next, vendor.client.resume(run.handle));
    return next;
  }

  /** Stops waiting (the task keeps running at the vendor: resume later). */
  cancel(id: string): boolean {
    const controller = this.waiting.get(id);
    controller?.abort();
    return controller !== undefined;
  }

  /** Subscribes to a run's events; returns the unsubscribe function. */
  subscribe(id: string, listener: Listener): () => void {
    const set = this.listeners.get(id) ?? new Set<Listener>();
    this.listeners.set(id, set);
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Stops every wait (server shutdown); the runs stay `running` on disk and load as `stopped`. */
  stopAll(): void {
    for (const controller of this.waiting.values()) controller.abort();
  }

  private follow(vendor: StudioVendor, start: RunRecord, task: Task): void {
    const controller = new AbortController();
    this.waiting.set(start.id, controller);
    let run = start;
    const poll = this.options.pollMs;
    const onProgress = (progress: ProgressEvent) => {
      const changed =
        progress.status !== run.progress?.status || progress.progress !== run.progress?.progress;
      run = { ...run, progress };
      if (changed) void this.update(run, "progress");
    };
    task
      .wait({
        signal: controller.signal,
        onProgress,
        ...(poll === undefined ? {} : { minDelayMs: poll, maxDelayMs: poll }),
      })
      .then(
        (result) => this.finish(vendor, run, result),
        (error): RunRecord =>
          controller.signal.aborted
            ? { ...run, state: "stopped" }
            : { ...run, state: "failed", error: describeError(error) },
      )
      .then(async (done) => {
        const current = this.waiting.get(start.id);
        if (current !== undefined && current !== controller) return; // resumed since: the newer wait reports
        this.waiting.delete(start.id);
        await this.update(done, "state");
      });
  }

  /** Downloads the result's files for preview and marks the run succeeded. */
  private async finish(vendor: StudioVendor, run: RunRecord, result: unknown): Promise<RunRecord> {
    const dir = join(this.options.filesDir, run.id);
    const files: RunFile[] = [];
    try {
      const urls = vendor.resultUrls(run.operation, result);
      if (urls.length > 0) await mkdir(dir, { recursive: true, mode: 0o700 });
      for (const url of urls) {
        const file = await vendor.client.runtime.download(url, dir, {
          maxBytes: this.options.maxDownloadBytes ?? 512 * 1024 * 1024,
        });
        const href = `/api/files/${relative(this.options.filesDir, file.path).split("\\").join("/")}`;
        files.push({ href, contentType: file.contentType, bytes: file.bytes, url });
      }
    } catch (error) {
      return { ...run, state: "failed", result, files, error: describeError(error) };
    }
    return { ...run, state: "succeeded", result, files };
  }

  private async update(run: RunRecord, type: RunEvent["type"]): Promise<void> {
    if (type === "state") await this.options.history.save(run);
    else void this.options.history.save(run);
    for (const listener of this.listeners.get(run.id) ?? []) listener({ type, run });
  }
}

function isTask(value: unknown): value is Task {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Task).wait === "function" &&
    typeof (value as Task).handle === "object"
  );
}

/** A typed error's message, kind and issues (already redacted by the runtime). */
export function describeError(error: unknown): NonNullable<RunRecord["error"]> {
  const message = error instanceof Error ? error.message : String(error);
  if (!isGenError(error)) return { message };
  const issues = (error as { issues?: unknown }).issues;
  return { message, kind: error.kind, ...(Array.isArray(issues) && issues.length ? { issues } : {}) };
}
