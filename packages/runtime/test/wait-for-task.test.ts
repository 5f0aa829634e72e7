import { afterEach, describe, expect, it } from "vitest";
import { createVendorClient } from "../src/create-vendor-client.js";
import {
  AbortedError,
  InvalidResponseError,
  TaskCancelledError,
  TaskFailedError,
  TaskTimedOutError,
} from "../src/errors/index.js";
import { estimateProgress, nextPollDelay } from "../src/poll-schedule.js";
import type { ClientOptions, OperationDefinition, Task, TaskSnapshot } from "../src/types.js";
import { waitForTask } from "../src/wait-for-task.js";
import { acmeVendor, KEY } from "./helpers/acme-vendor.js";
import { json, type LoopbackServer, startServer } from "./helpers/loopback-server.js";

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function pollServer(reply: (n: number) => { status: number; body?: unknown }) {
  let n = 0;
  const s = await startServer((_q, res) => {
    const r = reply(++n);
    json(res, r.status, r.body ?? {});
  });
  servers.push(s);
  return s;
}
const ok = (data: unknown) => ({ code: 0, msg: "ok", data });
const client = (s: LoopbackServer) =>
  createVendorClient(acmeVendor(), {
    baseUrl: `${s.url}/v1`,
    allowInsecureLoopback: true,
    apiKey: KEY,
    env: {},
    retry: { maxAttempts: 1 },
  } as ClientOptions);
const handle = { vendor: "acme", operation: "textToVideo", taskId: "T-1", createdAt: "2026-01-01T00:00:00Z" };

describe("nextPollDelay", () => {
  const est = { minDelayMs: 1000, maxDelayMs: 15_000, estimatedMs: [60_000, 120_000] as const };
  const late = { ...est, firstPollMs: 0 };
  const old = { min: 8, max: 32, perMinDelay: 2 };
  it.each([
    ["no estimate, first", 0, 0, { minDelayMs: 1000, maxDelayMs: 15_000 }, 1000],
    ["no estimate, second poll at firstPollMs", 1, 0, { minDelayMs: 1000, maxDelayMs: 15_000 }, 6000],
    ["no estimate, third where it was before", 2, 6000, { minDelayMs: 2000, maxDelayMs: 10_000 }, 6000],
    ["no estimate, then grows as before", 3, 10_000, { minDelayMs: 1000, maxDelayMs: 15_000 }, 8000],
    [
      "no estimate, early polls off: as before",
      3,
      10_000,
      { minDelayMs: 1000, maxDelayMs: 15_000, firstPollMs: 0 },
      8000,
    ],
    ["no estimate, capped", 10, 60_000, { minDelayMs: 1000, maxDelayMs: 15_000 }, 15_000],
    ["estimate, early polls: the first at 6 s", 0, 0, est, 6000],
    ["estimate, early polls: then the window (capped at max)", 1, 6000, est, 15_000],
    ["estimate, early polls: then at 27 s", 2, 9000, est, 15_000],
    ["estimate, early polls: capped at max when not informed", 3, 27_000, est, 15_000],
    [
      "estimate, early polls: informed, sleeps to the window's first poll (none at the lower bound)",
      3,
      27_000,
      { ...est, informed: true },
      34_983,
    ],
    ["estimate, early polls never sooner than minDelayMs", 0, 0, { ...est, minDelayMs: 8000 }, 8000],
    ["estimate, early polls configurable", 1, 5000, { ...est, firstPollMs: 5000, earlyGrowth: 2 }, 5000],
    ["early polls off: first waits to the lower bound (capped at max)", 0, 0, late, 15_000],
    [
      "early polls off, informed: sleeps through to the lower bound",
      0,
      0,
      { ...late, informed: true },
      60_000,
    ],
    ["early polls off, approaching", 2, 40_000, late, 15_000],
    ["estimate, nearly there", 3, 59_000, est, 2983],
    ["estimate, poll at the lower bound when asked", 3, 59_000, { ...est, lowerBoundPoll: true }, 1000],
    ["estimate, first gap of the window (W = 60 s, n = 60)", 5, 60_000, { ...est, informed: true }, 1983],
    [
      "estimate, first gap of the window (n = 30 as before)",
      5,
      60_000,
      { ...est, informed: true, windowPolls: old },
      3933,
    ],
    ["estimate, gaps shrink towards the upper bound", 5, 110_000, { ...est, windowPolls: old }, 1933],
    ["estimate, backing off after the window", 20, 200_000, est, 15_000],
    ["estimate, just past the window", 20, 124_000, est, 2000],
  ] as const)("%s", (_n, polls, elapsed, options, want) => {
    expect(nextPollDelay(polls, elapsed, options)).toBe(want);
  });

  it("spaces window polls with a density rising towards the upper bound (sqrt of the hazard rate)", () => {
    const options = {
      minDelayMs: 100,
      maxDelayMs: 60_000,
      estimatedMs: [60_000, 120_000] as const,
      informed: true,
      firstPollMs: 0,
      windowPolls: { min: 8, max: 32, perMinDelay: 2 },
    };
    const times: number[] = [];
    for (let t = 0, polls = 0; t < 120_000; polls++) {
      t += nextPollDelay(polls, t, options);
      times.push(t);
    }
    expect(times[0]).toBe(60_000);
    expect(times.at(-1)).toBeGreaterThanOrEqual(120_000);
    expect(times.at(-1)).toBeLessThanOrEqual(120_000 + options.minDelayMs);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeLessThanOrEqual(gaps[i - 1]! + 1);
    expect(gaps[0]! / gaps.at(-1)!).toBeGreaterThan(10);
  });

  it("with early polls off, never polls before the lower bound unless maxDelayMs forces it", () => {
    const options = {
      minDelayMs: 500,
      maxDelayMs: 30_000,
      estimatedMs: [60_000, 90_000] as const,
      firstPollMs: 0,
    };
    let elapsed = 0;
    let polls = 0;
    while (elapsed < 60_000) {
      elapsed += nextPollDelay(polls++, elapsed, options);
    }
    expect(polls).toBe(2);
    expect(nextPollDelay(0, 0, { ...options, informed: true })).toBe(60_000);
  });

  it("polls early (a task failing after 5 s is noticed within 5 s), sparsely, then the window", () => {
    const options = { minDelayMs: 1000, maxDelayMs: 10_000, estimatedMs: [60_000, 300_000] as const };
    const times: number[] = [];
    for (let t = 0, polls = 0; t < 60_000; polls++) {
      t += nextPollDelay(polls, t, { ...options, informed: true });
      times.push(t);
    }
    expect(times).toEqual([6000, 67_441]);
    expect(times.find((t) => t >= 5000)! - 5000).toBeLessThanOrEqual(5000);
    const withLowerBound = { ...options, informed: true, lowerBoundPoll: true };
    expect(nextPollDelay(1, 6000, withLowerBound)).toBe(54_000);
  });

  it("estimates progress by the documented formula min(95, floor(elapsed / max * 100))", () => {
    expect(estimateProgress(0, [10, 20])).toBe(0);
    expect(estimateProgress(120_000, [60_000, 180_000])).toBe(66);
    expect(estimateProgress(200_000, [60_000, 180_000])).toBe(95);
    expect(estimateProgress(10_000_000, undefined)).toBe(95);
    expect(estimateProgress(5_000, [5_000, 10_000])).toBe(50);
  });
});

describe("waitForTask", () => {
  it("tolerates transient poll errors and keeps polling", async () => {
    const s = await pollServer((n) =>
      n <= 2 ? { status: 503 } : { status: 200, body: ok({ status: 3, result: "[1]" }) },
    );
    expect(await client(s).task(handle).wait({ minDelayMs: 1, maxDelayMs: 2 })).toEqual([1]);
    expect(s.received).toHaveLength(3);
  });

  it("fails after too many consecutive poll errors", async () => {
    const s = await pollServer(() => ({ status: 503 }));
    const c = client(s);
    const error = await waitForTask({
      handle,
      poll: (signal) => c.task(handle).status(signal ? { signal } : {}),
      minDelayMs: 1,
      maxDelayMs: 1,
      maxPollErrors: 3,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "server_error" });
    expect(s.received).toHaveLength(3);
  });

  it("stops on a non-transient poll error at once", async () => {
    const s = await pollServer(() => ({ status: 200, body: { code: 1001, msg: "bad key" } }));
    await expect(client(s).task(handle).wait({ minDelayMs: 1 })).rejects.toMatchObject({
      kind: "authentication",
    });
    expect(s.received).toHaveLength(1);
  });

  it("stops on cancel and on the vendor's timeout", async () => {
    const cancelled = await pollServer(() => ({ status: 200, body: ok({ status: 5 }) }));
    await expect(client(cancelled).task(handle).wait()).rejects.toBeInstanceOf(TaskCancelledError);
    const timedOut = await pollServer(() => ({ status: 200, body: ok({ status: 6 }) }));
    const error = (await client(timedOut)
      .task(handle)
      .wait()
      .catch((e: unknown) => e)) as TaskTimedOutError;
    expect(error).toBeInstanceOf(TaskTimedOutError);
    expect(error.by).toBe("vendor");
  });

  it("treats unknown states as running and times out locally", async () => {
    const s = await pollServer(() => ({ status: 200, body: ok({ status: "mystery" }) }));
    // The state reading is checked on its own; the wait's local timeout may come before or after
    // a poll answers on a loaded machine, so nothing below depends on how many polls fit in it.
    expect((await client(s).task(handle).status()).state).toBe("running");
    const states: string[] = [];
    const error = (await client(s)
      .task(handle)
      .wait({ timeoutMs: 30, minDelayMs: 2, maxDelayMs: 5, onProgress: (e) => states.push(e.status) })
      .catch((e: unknown) => e)) as TaskTimedOutError;
    expect(error).toBeInstanceOf(TaskTimedOutError);
    expect(error.by).toBe("local");
    expect(error.handle).toEqual(handle);
    // Before the first answer the task is "queued" (the waiter's own ticks); the vendor then says running.
    for (const state of states) expect(["queued", "running"]).toContain(state);
  });

  it("aborts on the signal", async () => {
    const s = await pollServer(() => ({ status: 200, body: ok({ status: 2 }) }));
    const controller = new AbortController();
    const waiting = client(s).task(handle).wait({ signal: controller.signal, minDelayMs: 5, maxDelayMs: 5 });
    setTimeout(() => controller.abort(), 20);
    await expect(waiting).rejects.toBeInstanceOf(AbortedError);
  });

  it("uses the standalone poll function's snapshots", async () => {
    const s = await pollServer((n) => ({ status: 200, body: { state: n < 2 ? "run" : "done", value: n } }));
    const result = await waitForTask<number>({
      handle,
      minDelayMs: 1,
      poll: async (signal): Promise<TaskSnapshot<number>> => {
        const r = await fetch(s.url, signal ? { signal } : {});
        const body = (await r.json()) as { state: string; value: number };
        return body.state === "done"
          ? { state: "succeeded", result: body.value, raw: body }
          : { state: "running", raw: body };
      },
    });
    expect(result).toBe(2);
  });
});

describe("task objects", () => {
  const create: OperationDefinition = {
    id: "textToVideo",
    name: "text2video",
    method: "POST",
    path: "/video",
    kind: "create",
    task: { estimatedMs: [60_000, 120_000] },
  };
  async function taskServer(poll: () => unknown) {
    const s = await startServer((q, res) => {
      if (q.url === "/v1/video") return json(res, 200, ok({ task_id: "T-1" }));
      json(res, 200, ok(poll()));
    });
    servers.push(s);
    return s;
  }
  const polls = (s: LoopbackServer) => s.received.filter((r) => r.url !== "/v1/video").length;

  it("wait() follows the create operation's estimate: no poll before its lower bound", async () => {
    const s = await taskServer(() => ({ status: 2 }));
    const task = (await client(s).invoke(create, {})) as Task;
    const error = await task.wait({ minDelayMs: 1, timeoutMs: 30 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskTimedOutError);
    expect(polls(s)).toBe(1);
  });

  it("a caller's maxDelayMs stays a hard cap under the estimate", async () => {
    let n = 0;
    const s = await taskServer(() => ({ status: ++n < 3 ? 2 : 3, result: "[1]" }));
    const task = (await client(s).invoke(create, {})) as Task;
    expect(await task.wait({ minDelayMs: 1, maxDelayMs: 2 })).toEqual([1]);
    expect(polls(s)).toBe(3);
  });

  it("redacts credentials from a failure reason, in status() and in the error", async () => {
    const s = await taskServer(() => ({ status: 4, reason: `quota exceeded for key ${KEY}` }));
    const task = (await client(s).invoke(create, {})) as Task;
    expect((await task.status()).reason).toBe("quota exceeded for key [redacted]");
    const error = (await task
      .wait({ minDelayMs: 1, maxDelayMs: 1 })
      .catch((e: unknown) => e)) as TaskFailedError;
    expect(error).toBeInstanceOf(TaskFailedError);
    expect(error.reason).toBe("quota exceeded for key [redacted]");
    expect(`${error.message}\n${error.stack}`).not.toContain(KEY);
  });

  it("redacts credentials from a malformed result echoed in the error", async () => {
    const s = await taskServer(() => ({ status: 3, result: `{not json ${KEY}` }));
    const task = (await client(s).invoke(create, {})) as Task;
    const error = (await task.status().catch((e: unknown) => e)) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(JSON.stringify(error)).toContain("[redacted]");
    expect(`${JSON.stringify(error)}\n${error.message}\n${error.stack}`).not.toContain(KEY);
  });

  it("the standalone waiter applies its redact option to the failure reason", async () => {
    const error = (await waitForTask({
      handle,
      minDelayMs: 1,
      redact: (text) => text.replace("secret", "[redacted]"),
      poll: async () => ({ state: "failed", reason: "bad secret", raw: null }),
    }).catch((e: unknown) => e)) as TaskFailedError;
    expect(error.reason).toBe("bad [redacted]");
    expect(error.message).not.toContain("secret");
  });
});
