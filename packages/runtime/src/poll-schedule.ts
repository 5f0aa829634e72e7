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
 * Early polls before the estimate's window: at 3 s, then at ages growing 3x (3, 9, 27, 81 s ...)
 * up to the lower bound. A task failing after 5 s is noticed within 4 s; a 60 s estimate costs
 * three polls before its window.
 */
export const EARLY_POLLS = { firstMs: 3000, growth: 3 } as const;

/**
 * Polls spread over the estimate's window (plus the one at its lower bound): one per half
 * `minDelayMs` of window, 16 to 64. Denser than the sparse early polls need, so the lag inside
 * the window pays for them (bench/polling.ts).
 */
export const WINDOW_POLLS: Readonly<WindowPolls> = { min: 16, max: 64, perMinDelay: 0.5 };

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
 * Without an estimate: gaps doubling from `minDelayMs` to `maxDelayMs` (from `2 x minDelayMs`
 * when early polls are off, the previous schedule). With `[lo, hi]`: before
 * `lo`, sparse early polls (`EARLY_POLLS`, configurable through `firstPollMs` / `earlyGrowth`),
 * the last one at `lo`; inside the window, poll `k` of `n` (`WINDOW_POLLS`) at `hi - W(1 - k/n)^2`,
 * a density proportional to the square root of the uniform prior's hazard rate `1/(hi - t)`, which
 * minimises mean polls x mean lag (~0.22 W against ~0.25 W for even spacing); after `hi`, half the
 * overdue time. Always within `[minDelayMs, maxDelayMs]`, except that `informed` lets the
 * estimate's schedule (before `hi`) exceed `maxDelayMs`.
 */
export function nextPollDelay(polls: number, elapsedMs: number, options: PollScheduleOptions): number {
  const { minDelayMs: min, maxDelayMs: max, estimatedMs } = options;
  const clamp = (ms: number) => Math.round(Math.min(max, Math.max(min, ms)));
  const early = (options.firstPollMs ?? EARLY_POLLS.firstMs) > 0;
  if (!estimatedMs) return clamp(min * 2 ** (early ? Math.max(0, polls - 1) : polls));
  const [lo, hi] = estimatedMs;
  const planned = (ms: number) => (options.informed ? Math.round(Math.max(min, ms)) : clamp(ms));
  if (elapsedMs < lo) return planned(Math.min(lo, nextEarlyPoll(elapsedMs, options) ?? lo) - elapsedMs);
  const window = Math.max(hi - lo, min);
  const end = lo + window;
  if (elapsedMs < end) {
    const wp = { ...WINDOW_POLLS, ...options.windowPolls };
    const n = Math.round(Math.min(wp.max, Math.max(wp.min, window / (wp.perMinDelay * min))));
    const at = (k: number) => end - window * (1 - k / n) ** 2;
    let k = Math.floor(n * (1 - Math.sqrt((end - elapsedMs) / window))) + 1;
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
