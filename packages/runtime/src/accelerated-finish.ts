import type { ProgressSample } from "./progress-forecast.js";

/** How far the linear forecast is pulled toward the accelerated one. */
export interface AccelerationOptions {
  /** Share (0-1) of the correction applied; 0 keeps the linear forecast. */
  curvature: number;
  /**
   * A reading older than the run (the early poll's, taken before the estimate's window): measures
   * the acceleration when the run alone has only two readings.
   */
  prior?: ProgressSample | undefined;
  /** A correction that moves the forecast less than this (ms) is dropped. */
  minShiftMs?: number | undefined;
}

/**
 * Finish time when progress speeds up: the rate over `[earlier, base]` against the rate over
 * `[base, last]` gives an acceleration, and the remaining points are covered at that accelerating
 * rate from `last`. The result is `linear` pulled `curvature` of the way toward it, and never later
 * than `linear` (a slowing task keeps the linear forecast, whose undershoot costs a re-check rather
 * than lag). A small correction (under `minShiftMs`) is dropped: landing just short of the finish
 * costs a whole extra poll for little less lag. `earlier` is the most recent usable reading at
 * least `minSpan` points behind `base`, else the oldest one, else `prior`.
 */
export function acceleratedFinish(
  usable: readonly ProgressSample[],
  base: ProgressSample,
  linear: number,
  minSpan: number,
  options: AccelerationOptions,
): number {
  const last = usable[usable.length - 1]!;
  const at = usable.indexOf(base);
  let earlier: ProgressSample | undefined = at > 0 ? usable[0] : undefined;
  for (let i = at - 1; i >= 0; i--) {
    if (base.progress - usable[i]!.progress >= minSpan) {
      earlier = usable[i];
      break;
    }
  }
  const { prior } = options;
  if (!earlier && prior && prior.atMs < base.atMs && prior.progress < base.progress) earlier = prior;
  if (!earlier || options.curvature <= 0) return linear;
  const before = (base.progress - earlier.progress) / (base.atMs - earlier.atMs);
  const span = last.atMs - base.atMs;
  const after = (last.progress - base.progress) / span;
  const acceleration = (after - before) / ((last.atMs - earlier.atMs) / 2);
  if (!(acceleration > 0)) return linear;
  const rate = after + (acceleration * span) / 2;
  const remaining = Math.max(0, 100 - last.progress - 0.5);
  const ahead = (Math.sqrt(rate * rate + 2 * acceleration * remaining) - rate) / acceleration;
  const pulled = linear + options.curvature * (last.atMs + ahead - linear);
  const finish = Math.min(linear, pulled);
  return linear - finish < (options.minShiftMs ?? 0) ? linear : finish;
}
