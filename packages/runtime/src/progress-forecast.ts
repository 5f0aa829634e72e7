import { type AccelerationOptions, acceleratedFinish } from "./accelerated-finish.js";

/** One progress reading: when (ms, the waiter's clock) and the vendor's 0-100 value. */
export interface ProgressSample {
  atMs: number;
  progress: number;
}

/** Points of progress the rate is measured over, when the readings allow it. */
const MIN_SPAN = 5;

/** How progress readings steer the polls (`wait({ forecast })`). */
export interface ForecastTuning {
  /**
   * Share (0-1) of the acceleration correction applied to the forecast finish when progress speeds
   * up (`acceleratedFinish`); 0 = linear only.
   */
  curvature: number;
  /** Re-checks after the forecast finish passed wait this share of the time of one point, doubling per miss. */
  recheckShare: number;
  /**
   * Use the early poll's reading (task running before the estimate's window): it stretches the
   * horizon a forecast is trusted over and measures acceleration from the second reading on.
   */
  earlyReading: boolean;
}

/**
 * Defaults of `ForecastTuning`, chosen by bench/polling.ts: half the acceleration correction (all of
 * it lands too many polls just short of the finish), re-checks at half a point, early reading on.
 * `{ curvature: 0, recheckShare: 1, earlyReading: false }` is the previous forecast.
 */
export const PROGRESS_FORECAST: Readonly<ForecastTuning> = {
  curvature: 0.5,
  recheckShare: 0.5,
  earlyReading: true,
};

/**
 * Append a reading to a monotonic run: a value below the previous one (a new phase, a reset)
 * starts a new run, so a rate is never measured across it.
 */
export function addProgressSample(run: readonly ProgressSample[], sample: ProgressSample): ProgressSample[] {
  const last = run[run.length - 1];
  return last && sample.progress < last.progress ? [sample] : [...run, sample];
}

/**
 * Predicted finish time (same clock as the samples) from the observed progress rate, or
 * `undefined` when the readings cannot support one: fewer than two readings strictly between 0
 * and 100, or no advance over them. The rate is taken from the latest reading back to the most
 * recent one at least `MIN_SPAN` points behind it (else the earliest), so a phase change weighs in
 * quickly; readings are integers, so half a point is assumed already done. With `acceleration`
 * (`curvature` > 0), a speeding-up task's forecast is pulled earlier (`acceleratedFinish`).
 */
export function forecastFinish(
  run: readonly ProgressSample[],
  acceleration?: AccelerationOptions,
): number | undefined {
  const usable = run.filter((s) => s.progress > 0 && s.progress < 100);
  if (usable.length < 2) return undefined;
  const last = usable[usable.length - 1]!;
  let base = usable[0]!;
  for (let i = usable.length - 2; i >= 0; i--) {
    if (last.progress - usable[i]!.progress >= MIN_SPAN) {
      base = usable[i]!;
      break;
    }
  }
  const points = last.progress - base.progress;
  const span = last.atMs - base.atMs;
  if (points <= 0 || span <= 0) return undefined;
  const linear = last.atMs + (Math.max(0, 100 - last.progress - 0.5) / points) * span;
  return acceleration ? acceleratedFinish(usable, base, linear, MIN_SPAN, acceleration) : linear;
}

/** Bounds and fallback of `progressDelay`. */
export interface ProgressDelayOptions {
  minDelayMs: number;
  maxDelayMs: number;
  /** The status-only schedule's delay: used when progress cannot support a forecast. */
  fallbackMs: number;
  /** Let a forecast sleep past `maxDelayMs` (never further ahead than twice the observed span). */
  informed?: boolean | undefined;
  /** Consecutive polls that found the task still running at or after its forecast finish. */
  misses: number;
  /** The early poll's reading (`ForecastTuning.earlyReading`), kept out of `run`. */
  early?: ProgressSample | undefined;
  /** Default: the previous forecast (linear, re-checks at one point). */
  tuning?: Pick<ForecastTuning, "curvature" | "recheckShare"> | undefined;
}

/**
 * Delay to the next poll from progress readings (`atMs` and `nowMs` count from the task's
 * creation). One reading: at most half way to the finish it implies if progress ran since creation
 * (a late estimate when the task queued first), and never later than `fallbackMs` (or, after an
 * `early` reading showed the task already running, than twice the time since it), so the second
 * reading gives a rate. Two or more: the forecast finish (`forecastFinish`, accelerated by
 * `tuning.curvature`, the early reading as `prior`, corrections under half `minDelayMs` dropped).
 * Guards: a stall (the last reading did not advance) or too few readings fall back to
 * `fallbackMs`; never sooner than `minDelayMs`; a forecast is trusted at most twice as far ahead
 * as the readings behind it (from the early one) span (and past `maxDelayMs` only when
 * `informed`); once the forecast finish has passed, re-checks wait `tuning.recheckShare` of the
 * time of one point of progress, doubling per miss, so a vendor parked at 99 is not hammered.
 */
export function progressDelay(
  run: readonly ProgressSample[],
  nowMs: number,
  options: ProgressDelayOptions,
): number {
  const { minDelayMs: min, fallbackMs, early } = options;
  const { curvature, recheckShare } = options.tuning ?? { curvature: 0, recheckShare: 1 };
  const usable = run.filter((s) => s.progress > 0 && s.progress < 100);
  const clamp = (ms: number, max: number) => Math.round(Math.min(max, Math.max(min, ms)));
  const first = usable[0];
  if (usable.length === 1 && first && run[run.length - 1] === first) {
    const implied = (first.atMs * 100) / first.progress;
    const cap = early ? Math.max(fallbackMs, 2 * (nowMs - early.atMs)) : fallbackMs;
    return clamp((implied - nowMs) / 2, cap);
  }
  const finish = forecastFinish(run, { curvature, prior: early, minShiftMs: min / 2 });
  const last = run[run.length - 1];
  const prev = run[run.length - 2];
  if (finish === undefined || !first || !last || !prev) return fallbackMs;
  if (last.progress <= prev.progress && last.progress < 100) return fallbackMs;
  const lastUsable = usable[usable.length - 1]!;
  const perPoint = (lastUsable.atMs - first.atMs) / Math.max(1, lastUsable.progress - first.progress);
  const horizon = 2 * (nowMs - Math.min(first.atMs, early?.atMs ?? first.atMs));
  const max = options.informed
    ? Math.max(options.maxDelayMs, horizon)
    : Math.min(options.maxDelayMs, horizon);
  const ahead = finish - nowMs;
  return clamp(ahead > min / 2 ? ahead : perPoint * recheckShare * 2 ** options.misses, max);
}
