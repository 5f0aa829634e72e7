import { DEFAULT_EXPECTED_MS, estimateProgress } from "./poll-schedule.js";
import { forecastFinish, type ProgressSample } from "./progress-forecast.js";

/** Progress shown at a moment: 0-100, the estimated time left, and whether it is an estimate. */
export interface ProgressReading {
  progress: number;
  /** Estimated ms until the task is done; 0 once it is overdue. */
  etaMs: number;
  /** True when `progress` is interpolated or time-based rather than the vendor's reading. */
  estimated: boolean;
}

/**
 * Progress at `nowMs` (the task's age) between polls. With vendor readings that support a forecast
 * (two or more, or one read as a rate since creation): interpolated from the last reading toward
 * the forecast finish, capped at 99. Otherwise time-based (`estimateProgress`), with the ETA aimed
 * at the middle of the estimate, then its upper bound (`DEFAULT_EXPECTED_MS` without one).
 */
export function progressNow(
  run: readonly ProgressSample[],
  nowMs: number,
  estimatedMs: readonly [number, number] | undefined,
): ProgressReading {
  const last = run[run.length - 1];
  const single = run.length === 1 && last && last.progress > 0 && last.progress < 100;
  const finish = single ? (last.atMs * 100) / last.progress : forecastFinish(run);
  if (last && finish !== undefined && finish > last.atMs) {
    const share = Math.min(1, Math.max(0, (nowMs - last.atMs) / (finish - last.atMs)));
    const progress = Math.min(99, Math.floor(last.progress + share * (100 - last.progress)));
    return { progress, etaMs: Math.max(0, Math.round(finish - nowMs)), estimated: nowMs !== last.atMs };
  }
  const expected = estimatedMs
    ? nowMs < (estimatedMs[0] + estimatedMs[1]) / 2
      ? (estimatedMs[0] + estimatedMs[1]) / 2
      : estimatedMs[1]
    : DEFAULT_EXPECTED_MS;
  const progress = Math.max(last?.progress ?? 0, estimateProgress(nowMs, estimatedMs));
  return { progress, etaMs: Math.max(0, Math.round(expected - nowMs)), estimated: true };
}
