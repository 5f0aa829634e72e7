/** Inputs of the polling schedule. */
export interface PollScheduleOptions {
  minDelayMs: number;
  maxDelayMs: number;
  /** Expected duration range of the task, ms. */
  estimatedMs?: readonly [number, number] | undefined;
  /**
   * `maxDelayMs` is the catalog's bound for blind polling: the estimate's schedule (the early
   * polls, the spacing inside its window) may exceed it. `minDelayMs` always holds.
   */
  informed?: boolean | undefined;
  /**
   * Age of the task at the first early poll, ms (default `EARLY_POLLS.firstMs`, at least
   * `minDelayMs`): with an estimate, polls before its lower bound catch a task that fails (or is
   * refused) at once. `0` turns early polls off: nothing before the lower bound.
   */
  firstPollMs?: number | undefined;
  /** Ratio between the ages of consecutive early polls (default `EARLY_POLLS.growth`, > 1). */
  earlyGrowth?: number | undefined;
  /**
   * Poll at the estimate's lower bound even after early polls (default `false` here; the waiter
   * sets it when the vendor reports progress. Without it the early polls
   * cover tasks that end before the window, whose first poll comes a little after `lo`; without
   * early polls the first poll is always at `lo`).
   */
  lowerBoundPoll?: boolean | undefined;
  /** Polls inside the estimate's window (default `WINDOW_POLLS`). */
  windowPolls?: Partial<WindowPolls> | undefined;
}

/** How many polls the estimate's window gets: `W / (perMinDelay x minDelayMs)`, within `[min, max]`. */
export interface WindowPolls {
  min: number;
  max: number;
  perMinDelay: number;
}

/**
 * Early polls before the estimate's window: one at 6 s (a task failing after 5 s is noticed within
 * 5 s), then at ages growing 100x (so in practice none more before the window).
 */
export const EARLY_POLLS = { firstMs: 6000, growth: 100 } as const;

/**
 * Polls spread over the estimate's window: one per `minDelayMs` of window, 8 to 64. Denser than the
 * previous schedule's (one per 2), so the lag inside the window pays for the early poll
 * (bench/polling.ts).
 */
export const WINDOW_POLLS: Readonly<WindowPolls> = { min: 8, max: 64, perMinDelay: 1 };

/** The window's polls once the vendor reports progress: only the forecast's fallback, so sparser. */
export const FALLBACK_WINDOW_POLLS: Readonly<WindowPolls> = { min: 8, max: 32, perMinDelay: 2 };

/** Age of the next early poll after `elapsedMs`, or `undefined` when early polls are off. */
function nextEarlyPoll(elapsedMs: number, options: PollScheduleOptions): number | undefined {
  const first = options.firstPollMs ?? EARLY_POLLS.firstMs;
  if (first <= 0) return undefined;
  const growth = Math.max(1.1, options.earlyGrowth ?? EARLY_POLLS.growth);
  let at = Math.max(first, options.minDelayMs);
  while (at < elapsedMs + options.minDelayMs / 2) at *= growth;
  return at;
}

/**
 * Delay before the next poll from status alone (`elapsedMs` counts from the task's creation).
 * Without an estimate: at once, then gaps doubling from `2 x minDelayMs` to `maxDelayMs` (the
 * previous schedule), the second poll moved to `firstPollMs` when early polls are on. With
 * `[lo, hi]`: before
 * `lo`, sparse early polls (`EARLY_POLLS`, configurable through `firstPollMs` / `earlyGrowth`),
 * then the window's first poll, or one at `lo` when there were none or `lowerBoundPoll`; inside the window, poll `k` of `n` (`WINDOW_POLLS`) at `hi - W(1 - k/n)^2`,
 * a density proportional to the square root of the uniform prior's hazard rate `1/(hi - t)`, which
 * minimises mean polls x mean lag (~0.22 W against ~0.25 W for even spacing); after `hi`, half the
 * overdue time. Always within `[minDelayMs, maxDelayMs]`, except that `informed` lets the
 * estimate's schedule (before `hi`) exceed `maxDelayMs`.
 */
export function nextPollDelay(polls: number, elapsedMs: number, options: PollScheduleOptions): number {
  const { minDelayMs: min, maxDelayMs: max, estimatedMs } = options;
  const clamp = (ms: number) => Math.round(Math.min(max, Math.max(min, ms)));
  const early = (options.firstPollMs ?? EARLY_POLLS.firstMs) > 0;
  if (!estimatedMs) {
    // The previous schedule's second poll moves to `firstPollMs`; the third stays where it was.
    const firstGap = clamp(Math.max(options.firstPollMs ?? EARLY_POLLS.firstMs, min * 2));
    const thirdAt = clamp(min * 2) + clamp(min * 4);
    if (early && polls === 1) return firstGap;
    if (early && polls === 2 && thirdAt - firstGap >= min) return clamp(thirdAt - firstGap);
    return clamp(min * 2 ** polls);
  }
  const [lo, hi] = estimatedMs;
  const planned = (ms: number) => (options.informed ? Math.round(Math.max(min, ms)) : clamp(ms));
  const earlyAt = nextEarlyPoll(elapsedMs, options);
  // Without an early poll before `lo`, the first poll is at `lo` (the previous schedule).
  const firstEarly = nextEarlyPoll(0, options);
  const atLowerBound =
    firstEarly === undefined || firstEarly >= lo - min / 2 || (options.lowerBoundPoll ?? false);
  if (elapsedMs < lo && (earlyAt === undefined || earlyAt < lo - min / 2 || atLowerBound))
    return planned(Math.min(lo, earlyAt ?? lo) - elapsedMs);
  const window = Math.max(hi - lo, min);
  const end = lo + window;
  if (elapsedMs < end) {
    const wp = { ...WINDOW_POLLS, ...options.windowPolls };
    const n = Math.round(Math.min(wp.max, Math.max(wp.min, window / (wp.perMinDelay * min))));
    const at = (k: number) => end - window * (1 - k / n) ** 2;
    let k = Math.max(1, Math.floor(n * (1 - Math.sqrt(Math.min(1, (end - elapsedMs) / window)))) + 1);
    while (k < n && at(k) - elapsedMs < min / 2) k++;
    return planned(at(k) - elapsedMs);
  }
  return clamp((elapsedMs - end) / 2);
}

/**
 * Progress when the vendor gives none. With an estimate, the vendors' documented formula
 * (IMA's skill: `min(95, floor(elapsed / estimated_max * 100))`); without, `1 - e^(-t/60 s)`.
 * Capped at 95 until the task is done.
 */
export function estimateProgress(
  elapsedMs: number,
  estimatedMs: readonly [number, number] | undefined,
): number {
  const share = estimatedMs
    ? elapsedMs / Math.max(1, estimatedMs[1])
    : 1 - Math.exp(-elapsedMs / DEFAULT_EXPECTED_MS);
  return Math.min(95, Math.max(0, Math.floor(share * 100)));
}

/** Expected duration assumed for progress and ETA when an operation documents none. */
export const DEFAULT_EXPECTED_MS = 60_000;
