import { afterEach, describe, expect, it, vi } from "vitest";
import { TaskFailedError } from "../src/errors/index.js";
import type { ProgressEvent, TaskSnapshot, WaitOptions } from "../src/types.js";
import { waitForTask } from "../src/wait-for-task.js";

/** Runs the waiter on a fake clock against a task whose answers come from `answer(t)`. */
async function waitOnFakeClock(
  answer: (t: number) => TaskSnapshot<string>,
  options: WaitOptions & { pollLatencyMs?: number } = {},
) {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: 0 });
  const events: Array<ProgressEvent & { at: number }> = [];
  const polls: number[] = [];
  const { pollLatencyMs = 0, ...waitOptions } = options;
  const waiting = waitForTask<string>({
    handle: { vendor: "v", operation: "op", taskId: "t", createdAt: new Date(0).toISOString() },
    minDelayMs: 1000,
    maxDelayMs: 10_000,
    informedDelays: true,
    onProgress: (event) => events.push({ ...event, at: Date.now() }),
    ...waitOptions,
    poll: async () => {
      if (pollLatencyMs) await new Promise((resolve) => setTimeout(resolve, pollLatencyMs));
      polls.push(Date.now());
      return answer(Date.now());
    },
  });
  let settled = false;
  const outcome = waiting.then(
    (value) => ({ value, error: undefined }),
    (error: unknown) => ({ value: undefined, error }),
  );
  void outcome.finally(() => {
    settled = true;
  });
  while (!settled) await vi.advanceTimersToNextTimerAsync();
  return { ...(await outcome), events, polls, end: Date.now() };
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]!);

describe("progress between polls", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("an event at least every second, with an ETA from the first one, even while a poll hangs", async () => {
    const r = await waitOnFakeClock(
      (t) =>
        t >= 95_000 ? { state: "succeeded", result: "ok", raw: null } : { state: "running", raw: null },
      { estimatedMs: [60_000, 120_000], pollLatencyMs: 4000 },
    );
    expect(r.value).toBe("ok");
    expect(r.events[0]).toMatchObject({ elapsedMs: 0, polls: 0, estimated: true });
    expect(r.events[0]!.etaMs).toBe(90_000);
    expect(Math.max(...gaps([...r.events.map((e) => e.at), r.end]))).toBeLessThanOrEqual(1000);
    const progress = r.events.map((e) => e.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(100);
    // Time-based, by the documented formula: at 60 s, floor(60 / 120 * 100) = 50.
    expect(r.events.find((e) => e.at === 60_000)?.progress).toBe(50);
    const etas = r.events.filter((e) => e.etaMs !== undefined).map((e) => e.etaMs!);
    expect(etas[10]!).toBeLessThan(etas[0]!);
  });

  it("no ticks without progressIntervalMs (0): events only at start and polls", async () => {
    const r = await waitOnFakeClock(
      (t) =>
        t >= 30_000 ? { state: "succeeded", result: "ok", raw: null } : { state: "running", raw: null },
      { estimatedMs: [20_000, 40_000], progressIntervalMs: 0 },
    );
    expect(r.events).toHaveLength(r.polls.length + 1);
  });

  it("interpolates between vendor readings toward the forecast finish", async () => {
    const r = await waitOnFakeClock(
      (t) =>
        t >= 100_000
          ? { state: "succeeded", result: "ok", raw: null }
          : { state: "running", progress: Math.floor(t / 1000), raw: null },
      { estimatedMs: [60_000, 300_000] },
    );
    const ticks = r.events.filter((e) => e.estimated && e.at > 30_000 && e.at < 99_000);
    expect(ticks.length).toBeGreaterThan(30);
    // Readings run at 1 point per second: the interpolation stays within a few points of the truth.
    for (const e of ticks) expect(Math.abs(e.progress - Math.floor(e.at / 1000))).toBeLessThanOrEqual(6);
    for (const e of ticks.slice(5)) expect(Math.abs(e.at + e.etaMs! - 100_000)).toBeLessThan(15_000);
  });

  it("notices a task failing 5 s after creation within 5 s, though its estimate starts at 60 s", async () => {
    const r = await waitOnFakeClock(
      (t) =>
        t >= 5000 ? { state: "failed", reason: "bad prompt", raw: null } : { state: "running", raw: null },
      { estimatedMs: [60_000, 300_000] },
    );
    expect(r.error).toBeInstanceOf(TaskFailedError);
    expect(r.end - 5000).toBeLessThanOrEqual(5000);
    expect(r.polls.length).toBeLessThanOrEqual(2);
  });

  it("events carry the task's age: a resumed task shows its whole age, not just this wait's", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: 90_000 });
    const events: ProgressEvent[] = [];
    let settled = false;
    const waiting = waitForTask({
      handle: { vendor: "v", operation: "op", taskId: "t", createdAt: new Date(30_000).toISOString() },
      onProgress: (e) => events.push(e),
      poll: async () => ({ state: "succeeded", result: "ok", raw: null }),
    }).finally(() => {
      settled = true;
    });
    while (!settled) await vi.advanceTimersToNextTimerAsync();
    expect(await waiting).toBe("ok");
    expect(events[0]).toMatchObject({ elapsedMs: 0, ageMs: 60_000 });
  });

  it("a listener that throws from a tick rejects the wait instead of crashing the process", async () => {
    let calls = 0;
    const boom = new Error("listener bug");
    const r = await waitOnFakeClock(
      (t) =>
        t >= 30_000 ? { state: "succeeded", result: "ok", raw: null } : { state: "running", raw: null },
      {
        estimatedMs: [20_000, 40_000],
        onProgress: () => {
          if (++calls === 2) throw boom; // the tick at 1 s, before the first poll at 6 s
        },
      },
    );
    expect(r.error).toBe(boom);
    expect(r.polls).toHaveLength(0);
  });

  it("early polls can be turned off: nothing before the estimate's lower bound", async () => {
    const r = await waitOnFakeClock(
      (t) =>
        t >= 5000 ? { state: "failed", reason: "bad prompt", raw: null } : { state: "running", raw: null },
      { estimatedMs: [60_000, 300_000], firstPollMs: 0 },
    );
    expect(r.polls).toEqual([60_000]);
  });
});
