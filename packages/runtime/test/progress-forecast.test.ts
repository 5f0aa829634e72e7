import { afterEach, describe, expect, it, vi } from "vitest";
import {
  addProgressSample,
  forecastFinish,
  type ProgressSample,
  progressDelay,
} from "../src/progress-forecast.js";
import type { TaskSnapshot, WaitOptions } from "../src/types.js";
import { waitForTask } from "../src/wait-for-task.js";

const s = (atMs: number, progress: number): ProgressSample => ({ atMs, progress });
const bounds = { minDelayMs: 1000, maxDelayMs: 10_000, fallbackMs: 7000, misses: 0 };

describe("forecastFinish", () => {
  it.each([
    ["linear: 20 points per 40 s from 40 % at 100 s", [s(60_000, 20), s(100_000, 40)], 219_000],
    ["uses the latest 5-point span, not a stale start", [s(0, 1), s(50_000, 2), s(60_000, 10)], 171_875],
    ["leading zeros (queued) are ignored", [s(10_000, 0), s(20_000, 10), s(30_000, 20)], 109_500],
    ["one reading is not enough", [s(60_000, 20)], undefined],
    ["no advance", [s(60_000, 20), s(70_000, 20)], undefined],
  ] as const)("%s", (_name, run, want) => {
    expect(forecastFinish(run)).toBe(want);
  });

  describe("with acceleration (progress 100 (t / 100 s)^2: done at 100 s)", () => {
    const speeding = [s(40_000, 16), s(60_000, 36), s(80_000, 64)];
    const linear = 105_357;

    it("curvature 1 lands on the accelerated finish, 0.5 half way, 0 on the linear one", () => {
      expect(forecastFinish(speeding)).toBeCloseTo(linear, 0);
      expect(forecastFinish(speeding, { curvature: 1 })).toBeCloseTo(99_750, 0);
      expect(forecastFinish(speeding, { curvature: 0.5 })).toBeCloseTo(102_553, 0);
      expect(forecastFinish(speeding, { curvature: 0 })).toBeCloseTo(linear, 0);
    });

    it("keeps the linear forecast for a slowing task and drops a correction under minShiftMs", () => {
      const slowing = [s(20_000, 40), s(40_000, 60), s(60_000, 75)];
      expect(forecastFinish(slowing, { curvature: 1 })).toBe(forecastFinish(slowing));
      expect(forecastFinish(speeding, { curvature: 0.5, minShiftMs: 3000 })).toBeCloseTo(linear, 0);
    });

    it("measures the acceleration from a prior (early) reading when the run has two", () => {
      const two = speeding.slice(1);
      expect(forecastFinish(two, { curvature: 1 })).toBeCloseTo(linear, 0);
      expect(forecastFinish(two, { curvature: 1, prior: s(40_000, 16) })).toBeCloseTo(99_750, 0);
      // A prior that is not older and lower than the run tells nothing.
      expect(forecastFinish(two, { curvature: 1, prior: s(70_000, 50) })).toBeCloseTo(linear, 0);
    });
  });

  it("starts a new run when progress goes backwards", () => {
    let run: ProgressSample[] = [];
    for (const sample of [s(0, 30), s(10, 60), s(20, 5)]) run = addProgressSample(run, sample);
    expect(run).toEqual([s(20, 5)]);
    expect(forecastFinish(run)).toBeUndefined();
  });
});

describe("progressDelay", () => {
  it("sleeps to the forecast finish, past the catalog's max only when informed", () => {
    const run = [s(60_000, 20), s(100_000, 40)];
    expect(progressDelay(run, 100_000, { ...bounds, informed: true })).toBe(80_000);
    expect(progressDelay(run, 100_000, bounds)).toBe(10_000);
  });

  it("trusts a forecast at most twice the observed span ahead", () => {
    const run = [s(60_000, 2), s(70_000, 4)];
    expect(progressDelay(run, 70_000, { ...bounds, informed: true, maxDelayMs: 1000 })).toBe(20_000);
  });

  it("falls back to the status schedule on a stall", () => {
    expect(progressDelay([s(60_000, 20), s(80_000, 30), s(90_000, 30)], 90_000, bounds)).toBe(7000);
  });

  it("never polls sooner than minDelayMs after a jump", () => {
    expect(progressDelay([s(60_000, 10), s(70_000, 99)], 70_000, bounds)).toBe(1000);
  });

  it("backs off after the forecast finish has passed (parked at 99)", () => {
    const run = [s(0, 1), s(98_000, 99)];
    const at = (misses: number) => progressDelay(run, 100_000, { ...bounds, informed: true, misses });
    expect([at(0), at(1), at(2)]).toEqual([1000, 2000, 4000]);
  });

  it("with one reading, polls half way to the finish it implies, no later than the fallback", () => {
    expect(progressDelay([s(60_000, 40)], 60_000, { ...bounds, fallbackMs: 60_000 })).toBe(45_000);
    expect(progressDelay([s(60_000, 40)], 60_000, bounds)).toBe(7000);
  });

  it("an early reading (task running at 6 s) lifts the fallback cap to twice the time since it", () => {
    const early = s(6000, 4);
    expect(progressDelay([s(60_000, 40)], 60_000, { ...bounds, early })).toBe(45_000);
    expect(progressDelay([s(20_000, 40)], 20_000, { ...bounds, early })).toBe(15_000);
    expect(progressDelay([s(10_000, 10)], 10_000, { ...bounds, early })).toBe(8000);
  });

  it("an early reading stretches the horizon a forecast is trusted over", () => {
    const run = [s(60_000, 2), s(70_000, 4)];
    const options = { ...bounds, informed: true, maxDelayMs: 1000 };
    expect(progressDelay(run, 70_000, { ...options, early: s(6000, 1) })).toBe(128_000);
    expect(progressDelay(run, 70_000, options)).toBe(20_000);
  });

  it("re-checks after the forecast finish wait recheckShare of one point's time", () => {
    const run = [s(0, 1), s(196_000, 99)];
    const at = (misses: number, recheckShare: number) =>
      progressDelay(run, 200_000, {
        ...bounds,
        informed: true,
        misses,
        tuning: { curvature: 0, recheckShare },
      });
    expect([at(0, 1), at(1, 1), at(2, 1)]).toEqual([2000, 4000, 8000]);
    expect([at(0, 0.5), at(1, 0.5), at(2, 0.5)]).toEqual([1000, 2000, 4000]);
  });
});

describe("waitForTask with a progress-reporting task (fake clock)", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /**
   * A task done at `durationMs`, queued for a share of it, then progress `100 x^shape` (linear by
   * default; shape > 1 speeds up); counts polls.
   */
  async function run(
    durationMs: number,
    options: WaitOptions & { informedDelays?: boolean },
    { progress = true, queuedShare = 0.1, shape = 1 } = {},
  ) {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: 0 });
    let polls = 0;
    const queued = durationMs * queuedShare;
    const waiting = waitForTask({
      handle: { vendor: "v", operation: "op", taskId: "t", createdAt: new Date(0).toISOString() },
      minDelayMs: 1000,
      maxDelayMs: 10_000,
      ...options,
      poll: async (): Promise<TaskSnapshot<string>> => {
        polls++;
        const t = Date.now();
        if (t >= durationMs) return { state: "succeeded", result: "ok", raw: null };
        if (t < queued) return { state: "queued", raw: null };
        const share = (t - queued) / (durationMs - queued);
        return progress
          ? { state: "running", progress: Math.min(99, Math.floor(share ** shape * 100)), raw: null }
          : { state: "running", raw: null };
      },
    });
    let settled = false;
    void waiting.finally(() => {
      settled = true;
    });
    while (!settled) await vi.advanceTimersToNextTimerAsync();
    expect(await waiting).toBe("ok");
    return { polls, lagMs: Date.now() - durationMs };
  }

  it("polls near the forecast finish: few polls, little lag", async () => {
    const estimatedMs = [60_000, 300_000] as const;
    const withProgress = await run(237_000, { estimatedMs, informedDelays: true });
    const statusOnly = await run(237_000, { estimatedMs, informedDelays: true }, { progress: false });
    // 1 early poll (6 s: the task is queued) + the window's.
    expect(withProgress.polls).toBeLessThanOrEqual(9);
    expect(withProgress.lagMs).toBeLessThan(5000);
    expect(withProgress.polls * withProgress.lagMs).toBeLessThan(statusOnly.polls * statusOnly.lagMs);
  });

  const previousForecast = { curvature: 0, recheckShare: 1, earlyReading: false };

  it("on a task that speeds up, the accelerated forecast notices the finish sooner than the linear one", async () => {
    const options = { estimatedMs: [60_000, 300_000] as const, informedDelays: true };
    const task = { queuedShare: 0.05, shape: 1.25 };
    const now = await run(240_000, options, task);
    const linear = await run(240_000, { ...options, forecast: previousForecast }, task);
    expect(linear.lagMs).toBeGreaterThan(10_000);
    expect(now.lagMs).toBeLessThan(linear.lagMs / 2);
    expect(now.polls * now.lagMs).toBeLessThan(linear.polls * linear.lagMs);
  });

  it("a task already running at the early poll skips the short first step after the lower bound", async () => {
    const options = { estimatedMs: [60_000, 300_000] as const, informedDelays: true };
    const task = { queuedShare: 0.01 };
    const now = await run(200_000, options, task);
    const withoutEarlyReading = await run(200_000, { ...options, forecast: { earlyReading: false } }, task);
    expect(now.polls).toBeLessThan(withoutEarlyReading.polls);
    expect(now.lagMs).toBeLessThan(3000);
  });

  it("keeps maxDelayMs as a hard cap when not informed", async () => {
    const result = await run(95_000, { estimatedMs: [60_000, 120_000] });
    expect(result.polls).toBeGreaterThanOrEqual(6);
    expect(result.lagMs).toBeLessThan(10_000);
  });

  it("counts the task's age from its handle: a resumed task is polled at once", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: 200_000 });
    const times: number[] = [];
    const waiting = waitForTask({
      handle: { vendor: "v", operation: "op", taskId: "t", createdAt: new Date(0).toISOString() },
      estimatedMs: [60_000, 300_000],
      informedDelays: true,
      poll: async (): Promise<TaskSnapshot<string>> => {
        times.push(Date.now());
        return { state: "succeeded", result: "ok", raw: null };
      },
    });
    await vi.advanceTimersToNextTimerAsync();
    await waiting;
    expect(times).toEqual([200_000]);
  });
});
