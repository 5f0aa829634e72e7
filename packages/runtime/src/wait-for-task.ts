import { decideRetry } from "./decide-retry.js";
import { AbortedError } from "./errors/network-errors.js";
import { TaskCancelledError, TaskFailedError, TaskTimedOutError } from "./errors/task-errors.js";
import { pollBeforeDeadline } from "./poll-before-deadline.js";
import { EARLY_POLLS, FALLBACK_WINDOW_POLLS, nextPollDelay } from "./poll-schedule.js";
import {
  addProgressSample,
  forecastFinish,
  PROGRESS_FORECAST,
  type ProgressSample,
  progressDelay,
} from "./progress-forecast.js";
import { progressNow } from "./progress-now.js";
import { startProgressTicker } from "./progress-ticker.js";
import { sleep } from "./sleep.js";
import type { ProgressEvent, TaskHandle, TaskSnapshot, TaskState, WaitOptions } from "./types.js";

/**
 * Defaults: 1 s to 15 s between polls, 30 min overall, 5 consecutive transient poll failures, a
 * progress event at least every second while someone listens.
 */
export const DEFAULT_WAIT = {
  minDelayMs: 1000,
  maxDelayMs: 15_000,
  timeoutMs: 30 * 60_000,
  maxPollErrors: 5,
  progressIntervalMs: 1000,
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

/**
 * Poll until the task ends: resolves with the result on success; throws `TaskFailedError`,
 * `TaskCancelledError`, `TaskTimedOutError` (vendor state or local `timeoutMs`) or `AbortedError`.
 * Polls follow `nextPollDelay`; transient poll errors are tolerated; `onProgress` sees every poll,
 * an event at the start, and ticks (`progressNow`: estimate + ETA) so no gap exceeds
 * `progressIntervalMs`, even while a poll is in flight.
 */
export async function waitForTask<Result>(options: WaitForTaskOptions<Result>): Promise<Result> {
  const { handle, estimatedMs, onProgress } = options;
  const started = Date.now();
  const realAge = taskAge(handle, started);
  const age = estimatedMs ? realAge : 0;
  const view: WaitView = { state: "queued", run: [], polls: 0, shown: 0 };
  const emit = (event: Pick<ProgressEvent, "status" | "etaMs" | "estimated">, progress: number) => {
    if (!onProgress) return;
    // A vendor reading is shown as is; an estimate never takes the display back.
    const value = Math.round(progress);
    view.shown =
      event.status === "succeeded" ? 100 : event.estimated === false ? value : Math.max(view.shown, value);
    const elapsedMs = Date.now() - started;
    onProgress({ ...event, progress: view.shown, elapsedMs, ageMs: realAge + elapsedMs, polls: view.polls });
  };
  const tick = () => {
    const now = progressNow(view.run, age + Date.now() - started, estimatedMs);
    emit({ status: view.state, etaMs: now.etaMs, estimated: true }, now.progress);
  };
  // A listener that throws from a tick (a timer callback) must not crash the process: the error is
  // kept and rejects the wait at its next step, as it would have from a poll's event.
  const safeTick = () => {
    try {
      tick();
    } catch (error) {
      view.failure ??= { error };
      ticker?.stop();
    }
  };
  const intervalMs = options.progressIntervalMs ?? DEFAULT_WAIT.progressIntervalMs;
  const ticker = onProgress && intervalMs > 0 ? startProgressTicker(intervalMs, safeTick) : undefined;
  try {
    tick();
    return await pollUntilDone(options, { started, age, view, ticker, emit });
  } finally {
    ticker?.stop();
  }
}

/** The waiter's shared state: what the progress events show. */
interface WaitView {
  state: TaskState;
  run: ProgressSample[];
  polls: number;
  shown: number;
  /** What a throwing progress listener threw from a tick. */
  failure?: { error: unknown };
}

async function pollUntilDone<Result>(
  options: WaitForTaskOptions<Result>,
  ctx: {
    started: number;
    age: number;
    view: WaitView;
    ticker: { touch(): void } | undefined;
    emit: (event: Pick<ProgressEvent, "status" | "etaMs" | "estimated">, progress: number) => void;
  },
): Promise<Result> {
  const { handle, poll, signal, estimatedMs, redact } = options;
  const { started, age, view } = ctx;
  const minDelayMs = options.minDelayMs ?? DEFAULT_WAIT.minDelayMs;
  const maxDelayMs = Math.max(minDelayMs, options.maxDelayMs ?? DEFAULT_WAIT.maxDelayMs);
  const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT.timeoutMs;
  const maxPollErrors = options.maxPollErrors ?? DEFAULT_WAIT.maxPollErrors;
  const bounds = {
    minDelayMs,
    maxDelayMs,
    estimatedMs,
    informed: options.informedDelays === true,
    firstPollMs: options.firstPollMs,
    earlyGrowth: options.earlyGrowth,
    windowPolls: options.windowPolls,
  };
  // With progress readings, the status schedule is only the forecast's fallback: sparser is better.
  const forecastBounds = { ...bounds, windowPolls: FALLBACK_WINDOW_POLLS };
  // A resumed task past its first early poll (or its window's start) is polled at once.
  const early = options.firstPollMs ?? EARLY_POLLS.firstMs;
  const firstAt = early > 0 ? Math.max(early, minDelayMs) : Number.POSITIVE_INFINITY;
  const tuning = { ...PROGRESS_FORECAST, ...options.forecast };
  let pollErrors = 0;
  let misses = 0;
  let readsProgress = false;
  // Readings taken by the early polls (before the estimate's lower bound) show progress but do not
  // set the rate: a forecast trusted over their long span overshoots (bench/polling.ts). The first
  // one of a running task (`earlyReading`) only stretches the horizon and measures acceleration.
  let run: ProgressSample[] = [];
  let earlyReading: ProgressSample | undefined;
  let finishAt: number | undefined;
  for (;;) {
    if (signal?.aborted) throw new AbortedError(`Waiting for task ${handle.taskId} was aborted`);
    const elapsed = Date.now() - started;
    const { polls } = view;
    if (polls > 0 && elapsed >= timeoutMs)
      throw new TaskTimedOutError(handle, "local", { vendor: handle.vendor });
    const statusDelay =
      polls === 0 && (!estimatedMs || age >= Math.min(estimatedMs[0], firstAt))
        ? 0
        : nextPollDelay(polls, age + elapsed, {
            ...(readsProgress && !options.windowPolls ? forecastBounds : bounds),
            // The vendor reports progress: a reading at `lo` starts the forecast.
            lowerBoundPoll: options.lowerBoundPoll ?? readsProgress,
          });
    const delay =
      polls === 0 || run.length === 0
        ? statusDelay
        : progressDelay(run, age + elapsed, {
            ...bounds,
            fallbackMs: statusDelay,
            misses,
            early: earlyReading,
            tuning,
          });
    finishAt = forecastFinish(run, {
      curvature: tuning.curvature,
      prior: earlyReading,
      minShiftMs: minDelayMs / 2,
    });
    const lastLook = delay >= timeoutMs - elapsed;
    await sleep(Math.min(delay, Math.max(0, timeoutMs - elapsed)), signal);
    if (view.failure) throw view.failure.error;
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
      // Transient poll failures are tolerated; the wait's own deadline, an abort or any other end it.
      if (!decideRetry({ kind: "poll", error, attempt: ++pollErrors, maxAttempts: maxPollErrors }).retry)
        throw error;
      view.polls++;
      continue;
    }
    view.polls++;
    readsProgress ||= snapshot.progress !== undefined;
    const taskAgeMs = age + Date.now() - started;
    if (snapshot.state === "running" && snapshot.progress !== undefined) {
      const sample = { atMs: taskAgeMs, progress: snapshot.progress };
      view.run = addProgressSample(view.run, sample);
      if (!estimatedMs || taskAgeMs >= estimatedMs[0]) run = addProgressSample(run, sample);
      else if (tuning.earlyReading && sample.progress > 0 && sample.progress < 100) earlyReading ??= sample;
      misses = finishAt !== undefined && taskAgeMs >= finishAt ? misses + 1 : 0;
    }
    view.state = snapshot.state;
    const now = progressNow(view.run, taskAgeMs, estimatedMs);
    if (snapshot.state === "running" || snapshot.state === "queued") {
      const estimated = snapshot.progress === undefined;
      ctx.emit({ status: snapshot.state, etaMs: now.etaMs, estimated }, snapshot.progress ?? now.progress);
    } else ctx.emit({ status: snapshot.state }, snapshot.state === "succeeded" ? 100 : now.progress);
    ctx.ticker?.touch();
    if (snapshot.state === "succeeded") return snapshot.result as Result;
    const reason = snapshot.reason !== undefined && redact ? redact(snapshot.reason) : snapshot.reason;
    switch (snapshot.state) {
      case "failed":
        throw new TaskFailedError(handle, reason, { vendor: handle.vendor });
      case "cancelled":
        throw new TaskCancelledError(handle, { vendor: handle.vendor, reason });
      case "timed_out":
        throw new TaskTimedOutError(handle, "vendor", { vendor: handle.vendor, reason });
    }
  }
}
