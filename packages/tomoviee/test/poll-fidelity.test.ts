import { type Simulator, startSimulator } from "@gen/simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTomoviee, type TomovieeClient } from "../src/index.js";

const FAST_WAIT = { minDelayMs: 2, maxDelayMs: 10, timeoutMs: 10_000 };

/** Polls the way the vendor's reference client (`get_result`) does. */
describe("Tomoviee polls like the reference client", () => {
  let sim: Simulator;
  let client: TomovieeClient;
  const polls = () => sim.ledger.entries.filter((e) => e.path.endsWith("/pub/task")).length;

  beforeAll(async () => {
    sim = await startSimulator({ vendor: "tomoviee", taskDurationMs: 30 });
    client = createTomoviee({
      baseUrl: sim.baseUrl,
      allowInsecureLoopback: true,
      appKey: sim.credentials["appKey"],
      appSecret: sim.credentials["appSecret"],
    });
  });
  afterAll(() => sim.close());

  it("keeps polling when the gateway answers a non-zero code with task data", async () => {
    const task = await client.textToSpeech({ text: "hi" });
    const busy = {
      code: 10_500,
      msg: "gateway busy",
      data: { task_id: task.taskId, status: 2, progress: 40 },
    };
    sim.faults.add({ operation: "getTask", kind: "status", status: 200, body: busy, times: 2 });
    const before = polls();
    const seen: number[] = [];
    const result = await task.wait({ ...FAST_WAIT, onProgress: (e) => seen.push(e.progress) });
    expect(result.audio_path).toHaveLength(1);
    expect(polls() - before).toBeGreaterThanOrEqual(3);
    expect(seen).toContain(40);
  });

  it("a non-zero code with task data in a terminal state ends the wait with the vendor's reason", async () => {
    const task = await client.textToSpeech({ text: "hi" });
    const failed = {
      code: 10_500,
      msg: "x",
      data: { task_id: task.taskId, status: 4, reason: "voice unavailable" },
    };
    sim.faults.add({ operation: "getTask", kind: "status", status: 200, body: failed });
    await expect(task.wait(FAST_WAIT)).rejects.toMatchObject({
      name: "TaskFailedError",
      reason: "voice unavailable",
      message: expect.stringContaining("voice unavailable"),
    });
  });

  it("a non-zero code without data is the vendor's error, with its message", async () => {
    const task = await client.textToSpeech({ text: "hi" });
    sim.faults.add({
      operation: "getTask",
      kind: "status",
      status: 200,
      body: { code: 10_500, msg: "task lookup refused" },
    });
    const error = await task.wait(FAST_WAIT).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "10500", vendorMessage: "task lookup refused" });
    expect((error as Error).message).toContain("task lookup refused");
  });

  it("a poll answer without data fails at once with a typed error (no wait until the timeout)", async () => {
    const task = await client.textToSpeech({ text: "hi" });
    sim.faults.add({
      operation: "getTask",
      kind: "status",
      status: 200,
      body: { code: 0, msg: "ok", data: null },
    });
    const before = polls();
    const error = await task.wait({ ...FAST_WAIT, timeoutMs: 60_000 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "InvalidResponseError", kind: "invalid_response" });
    expect(polls() - before).toBe(1);
  });

  it.each([
    ["cancelled", "TaskCancelledError", "cancelled by the operator"],
    ["timed_out", "TaskTimedOutError", "queue time exceeded"],
  ] as const)("keeps the vendor's reason for a %s task", async (state, name, reason) => {
    sim.faults.add({ operation: "textToSpeech", kind: "task-outcome", state, reason });
    const task = await client.textToSpeech({ text: "hi" });
    const error = await task.wait(FAST_WAIT).catch((e: unknown) => e);
    expect(error).toMatchObject({ name, reason });
    expect((error as Error).message).toContain(reason);
  });
});
