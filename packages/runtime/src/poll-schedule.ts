/** Inputs of the polling schedule. */
export interface PollScheduleOptions {
  minDelayMs: number;
  maxDelayMs: number;
  /** Expected duration range of the task, ms. */
  estimatedMs?: readonly [number, number] | undefined;
  /** Sleep through to the estimate's lower bound even when that is longer than `maxDelayMs`. */
  holdUntilLowerBound?: boolean | undefined;
}

/** Polls spread over the estimate's window (plus the one at its lower bound). */
export const WINDOW_POLLS = 8;

/**
 * Delay before the next poll from status alone (`elapsedMs` counts from the task's creation).
 * Without an estimate: exponential from `minDelayMs` to `maxDelayMs`. With `[lo, hi]`: nothing
 * before `lo` (the task cannot be done sooner); inside the window, poll `k` of `WINDOW_POLLS` at
 * `hi - W(1 - k/n)^2`, a density proportional to the square root of the uniform prior's hazard
 * rate `1/(hi - t)`, which minimises mean polls x mean lag (~0.22 W against ~0.25 W for even
 * spacing); after `hi`, half the overdue time. Always within `[minDelayMs, maxDelayMs]`, except
 * the hold until `lo` when `holdUntilLowerBound` is set.
 */
export function nextPollDelay(polls: number, elapsedMs: number, options: PollScheduleOptions): number {
  const { minDelayMs: min, maxDelayMs: max, estimatedMs } = options;
  const clamp = (ms: number) => Math.round(Math.min(max, Math.max(min, ms)));
  if (!estimatedMs) return clamp(min * 2 ** polls);
  const [lo, hi] = estimatedMs;
  if (elapsedMs < lo) {
    const hold = lo - elapsedMs;
    return options.holdUntilLowerBound ? Math.round(Math.max(min, hold)) : clamp(hold);
  }
  const window = Math.max(hi - lo, min);
  const end = lo + window;
  if (elapsedMs < end) {
    const k = Math.floor(WINDOW_POLLS * (1 - Math.sqrt((end - elapsedMs) / window)) + 1e-9) + 1;
    return clamp(end - window * (1 - k / WINDOW_POLLS) ** 2 - elapsedMs);
  }
  return clamp(Math.max(window / WINDOW_POLLS ** 2, (elapsedMs - end) / 2));
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
