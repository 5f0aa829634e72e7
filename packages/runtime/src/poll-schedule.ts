/** Inputs of the polling schedule. */
export interface PollScheduleOptions {
  minDelayMs: number;
  maxDelayMs: number;
  /** Expected duration range of the task, ms. */
  estimatedMs?: readonly [number, number] | undefined;
  /**
   * `maxDelayMs` is the catalog's bound for blind polling: the estimate's schedule (the hold until
   * its lower bound, the spacing inside its window) may exceed it. `minDelayMs` always holds.
   */
  informed?: boolean | undefined;
}

/** Polls spread over the estimate's window (plus the one at its lower bound): `W / (2 minDelayMs)`, within these. */
export const WINDOW_POLLS = { min: 8, max: 32 } as const;

/**
 * Delay before the next poll from status alone (`elapsedMs` counts from the task's creation).
 * Without an estimate: exponential from `minDelayMs` to `maxDelayMs`. With `[lo, hi]`: nothing
 * before `lo` (the task cannot be done sooner); inside the window, poll `k` of `n` (`WINDOW_POLLS`) at
 * `hi - W(1 - k/n)^2`, a density proportional to the square root of the uniform prior's hazard
 * rate `1/(hi - t)`, which minimises mean polls x mean lag (~0.22 W against ~0.25 W for even
 * spacing); after `hi`, half the overdue time. Always within `[minDelayMs, maxDelayMs]`, except
 * that `informed` lets the estimate's schedule (before `hi`) exceed `maxDelayMs`.
 */
export function nextPollDelay(polls: number, elapsedMs: number, options: PollScheduleOptions): number {
  const { minDelayMs: min, maxDelayMs: max, estimatedMs } = options;
  const clamp = (ms: number) => Math.round(Math.min(max, Math.max(min, ms)));
  if (!estimatedMs) return clamp(min * 2 ** polls);
  const [lo, hi] = estimatedMs;
  const planned = (ms: number) => (options.informed ? Math.round(Math.max(min, ms)) : clamp(ms));
  if (elapsedMs < lo) return planned(lo - elapsedMs);
  const window = Math.max(hi - lo, min);
  const end = lo + window;
  if (elapsedMs < end) {
    const n = Math.round(Math.min(WINDOW_POLLS.max, Math.max(WINDOW_POLLS.min, window / (2 * min))));
    const at = (k: number) => end - window * (1 - k / n) ** 2;
    let k = Math.floor(n * (1 - Math.sqrt((end - elapsedMs) / window))) + 1;
    while (k < n && at(k) - elapsedMs < min / 2) k++;
    return planned(at(k) - elapsedMs);
  }
  return clamp((elapsedMs - end) / 2);
}

/** Progress when the vendor gives none: elapsed share of the expected duration, capped at 95. */
export function estimateProgress(
  elapsedMs: number,
  estimatedMs: readonly [number, number] | undefined,
): number {
  const expected = estimatedMs ? (estimatedMs[0] + estimatedMs[1]) / 2 : 60_000;
  const share = estimatedMs ? elapsedMs / expected : 1 - Math.exp(-elapsedMs / expected);
  return Math.min(95, Math.max(0, Math.round(share * 100)));
}
