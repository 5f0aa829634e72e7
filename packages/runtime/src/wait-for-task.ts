import { isGenError } from "./errors/gen-error.js";
import { AbortedError, NetworkError, TimeoutError } from "./errors/network-errors.js";
import { TaskCancelledError, TaskFailedError, TaskTimedOutError } from "./errors/task-errors.js";
import { estimateProgress, nextPollDelay } from "./poll-schedule.js";
import { sleep } from "./sleep.js";
import type { TaskHandle, TaskSnapshot, WaitOptions } from "./types.js";

/** Defaults: 1 s to 15 s between polls, 30 min overall, 5 consecutive transient poll failures. */
export const DEFAULT_WAIT = {
  minDelayMs: 1000,
  maxDelayMs: 15_000,
  timeoutMs: 30 * 60_000,
  maxPollErrors: 5,
};

/** A standalone wait: how to poll, for which task. */
export interface WaitForTaskOptions<Result> extends WaitOptions {
  handle: TaskHandle;
  /** Read the task's current state (one poll). */
  poll: (signal: AbortSignal | undefined) => Promise<TaskSnapshot<Result>>;
  /** Consecutive transient poll failures tolerated before the wait fails (default 5). */
  maxPollErrors?: number;
}

function isTransient(error: unknown): boolean {
  return (
    error instanceof NetworkError || error instanceof TimeoutError || (isGenError(error) && error.retryable)
  );
}

/**
 * Poll until the task ends: resolves with the result on success; throws `TaskFailedError`,
 * `TaskCancelledError`, `TaskTimedOutError` (vendor state or local `timeoutMs`) or `AbortedError`.
 * Polls follow `nextPollDelay`; transient poll errors are tolerated; `onProgress` sees every poll.
 */
export async function waitForTask<Result>(options: WaitForTaskOptions<Result>): Promise<Result> {
  const { handle, poll, signal, estimatedMs, onProgress } = options;
  const minDelayMs = options.minDelayMs ?? DEFAULT_WAIT.minDelayMs;
  const maxDelayMs = Math.max(minDelayMs, options.maxDelayMs ?? DEFAULT_WAIT.maxDelayMs);
  const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT.timeoutMs;
  const maxPollErrors = options.maxPollErrors ?? DEFAULT_WAIT.maxPollErrors;
  const started = Date.now();
  let polls = 0;
  let pollErrors = 0;
  for (;;) {
    if (signal?.aborted) throw new AbortedError(`Waiting for task ${handle.taskId} was aborted`);
    const elapsed = Date.now() - started;
    if (polls > 0 && elapsed >= timeoutMs)
      throw new TaskTimedOutError(handle, "local", { vendor: handle.vendor });
    const delay =
      polls === 0 && !estimatedMs
        ? 0
        : nextPollDelay(polls, elapsed, { minDelayMs, maxDelayMs, estimatedMs });
    await sleep(Math.min(delay, Math.max(0, timeoutMs - elapsed)), signal);
    let snapshot: TaskSnapshot<Result>;
    try {
      snapshot = await poll(signal);
      pollErrors = 0;
    } catch (error) {
      if (error instanceof AbortedError || !isTransient(error) || ++pollErrors >= maxPollErrors) throw error;
      polls++;
      continue;
    }
    polls++;
    const elapsedMs = Date.now() - started;
    const done = snapshot.state === "succeeded";
    const progress = done
      ? 100
      : (snapshot.progress ?? (snapshot.state === "queued" ? 0 : estimateProgress(elapsedMs, estimatedMs)));
    onProgress?.({ status: snapshot.state, progress: Math.round(progress), elapsedMs, polls });
    switch (snapshot.state) {
      case "succeeded":
        return snapshot.result as Result;
      case "failed":
        throw new TaskFailedError(handle, snapshot.reason, { vendor: handle.vendor });
      case "cancelled":
        throw new TaskCancelledError(handle, { vendor: handle.vendor });
      case "timed_out":
        throw new TaskTimedOutError(handle, "vendor", { vendor: handle.vendor });
    }
  }
}
