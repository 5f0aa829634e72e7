import { isGenError } from "./errors/gen-error.js";
import { AbortedError, NetworkError, TimeoutError } from "./errors/network-errors.js";
import { TaskCancelledError, TaskFailedError, TaskTimedOutError } from "./errors/task-errors.js";
import { pollBeforeDeadline } from "./poll-before-deadline.js";
import { estimateProgress, nextPollDelay } from "./poll-schedule.js";
import {
  addProgressSample,
  forecastFinish,
  type ProgressSample,
  progressDelay,
} from "./progress-forecast.js";
import { sleep } from "./sleep.js";
import type { TaskHandle, TaskSnapshot, WaitOptions } from "./types.js";

/** Defaults: 1 s to 15 s between polls, 30 min overall, 5 consecutive transient poll failures. */
export const DEFAULT_WAIT = {
  minDelayMs: 1000,
  maxDelayMs: 15_000,
  timeoutMs: 30 * 60_000,
  maxPollErrors: 5,
};

/** Longest a final poll, taken when the wait's time has run out, may take. */
const LAST_LOOK_MS = 1000;

/** A standalone wait: how to poll, for which task. */
export interface WaitForTaskOptions<Result> extends WaitOptions {
  handle: TaskHandle;
  /** Read the task's current state (one poll). */
  poll: (signal: AbortSignal | undefined) => Promise<TaskSnapshot<Result>>;
  /** Consecutive transient poll failures tolerated before the wait fails (default 5). */
  maxPollErrors?: number;
  /**
   * Treat `maxDelayMs` as the catalog's bound for blind polling rather than the caller's hard cap:
   * the estimate's schedule (nothing before its lower bound, then its window spacing) and a
   * progress forecast may then exceed it. Task objects set this unless the caller passed
   * `maxDelayMs`. Default false.
   */
  informedDelays?: boolean;
  /** Scrub vendor text (a failure reason) before it goes into an error, e.g. redacting credentials. */
  redact?: (text: string) => string;
}

/** Age of the task when the wait starts, from the handle (0 when unknown or in the future). */
function taskAge(handle: TaskHandle, now: number): number {
  const created = Date.parse(handle.createdAt);
  return Number.isFinite(created) ? Math.max(0, now - created) : 0;
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
  const { handle, poll, signal, estimatedMs, onProgress, redact } = options;
  const minDelayMs = options.minDelayMs ?? DEFAULT_WAIT.minDelayMs;
  const maxDelayMs = Math.max(minDelayMs, options.maxDelayMs ?? DEFAULT_WAIT.maxDelayMs);
  const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT.timeoutMs;
  const maxPollErrors = options.maxPollErrors ?? DEFAULT_WAIT.maxPollErrors;
  const informed = options.informedDelays === true;
  const started = Date.now();
  const age = estimatedMs ? taskAge(handle, started) : 0;
  const bounds = { minDelayMs, maxDelayMs, estimatedMs, informed };
  let polls = 0;
  let pollErrors = 0;
  let run: ProgressSample[] = [];
  let misses = 0;
  let finishAt: number | undefined;
  for (;;) {
    if (signal?.aborted) throw new AbortedError(`Waiting for task ${handle.taskId} was aborted`);
    const elapsed = Date.now() - started;
    if (polls > 0 && elapsed >= timeoutMs)
      throw new TaskTimedOutError(handle, "local", { vendor: handle.vendor });
    const statusDelay =
      polls === 0 && (!estimatedMs || age >= estimatedMs[0])
        ? 0
        : nextPollDelay(polls, age + elapsed, bounds);
    const delay =
      polls === 0 || run.length === 0
        ? statusDelay
        : progressDelay(run, age + elapsed, { ...bounds, fallbackMs: statusDelay, misses });
    finishAt = forecastFinish(run);
    const lastLook = delay >= timeoutMs - elapsed;
    await sleep(Math.min(delay, Math.max(0, timeoutMs - elapsed)), signal);
    let snapshot: TaskSnapshot<Result>;
    try {
      // A poll in flight when the wait's time runs out is abandoned; a last look taken at the
      // deadline itself gets at most LAST_LOOK_MS.
      const remainingMs = lastLook ? LAST_LOOK_MS : timeoutMs - (Date.now() - started);
      snapshot = await pollBeforeDeadline(
        poll,
        signal,
        remainingMs,
        () => new TaskTimedOutError(handle, "local", { vendor: handle.vendor }),
      );
      pollErrors = 0;
    } catch (error) {
      if (
        error instanceof AbortedError ||
        error instanceof TaskTimedOutError ||
        !isTransient(error) ||
        ++pollErrors >= maxPollErrors
      )
        throw error;
      polls++;
      continue;
    }
    polls++;
    const elapsedMs = Date.now() - started;
    const done = snapshot.state === "succeeded";
    if (snapshot.state === "running" && snapshot.progress !== undefined) {
      run = addProgressSample(run, { atMs: age + elapsedMs, progress: snapshot.progress });
      misses = finishAt !== undefined && age + elapsedMs >= finishAt ? misses + 1 : 0;
    }
    const progress = done
      ? 100
      : (snapshot.progress ??
        (snapshot.state === "queued" ? 0 : estimateProgress(age + elapsedMs, estimatedMs)));
    onProgress?.({ status: snapshot.state, progress: Math.round(progress), elapsedMs, polls });
    switch (snapshot.state) {
      case "succeeded":
        return snapshot.result as Result;
      case "failed": {
        const reason = snapshot.reason !== undefined && redact ? redact(snapshot.reason) : snapshot.reason;
        throw new TaskFailedError(handle, reason, { vendor: handle.vendor });
      }
      case "cancelled":
        throw new TaskCancelledError(handle, { vendor: handle.vendor });
      case "timed_out":
        throw new TaskTimedOutError(handle, "vendor", { vendor: handle.vendor });
    }
  }
}
