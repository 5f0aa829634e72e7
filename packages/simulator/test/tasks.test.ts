import { getPath } from "@gen/runtime";
import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../src/index.js";
import { fixture, manualClock, postJson } from "./fixtures.js";

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const key = { "x-acme-key": "sim-key" };

async function acmeTask(options: Parameters<typeof startSimulator>[0] = {}) {
  sim = await startSimulator({ model: fixture("acme"), ...options });
  const created = await postJson(`${sim.baseUrl}/v1/video/text`, { prompt: "a cat" }, key);
  const taskId = getPath(created.json, "data.task_id") as string;
  const s = sim;
  return {
    taskId,
    poll: async () => (await postJson(`${s.baseUrl}/v1/task`, { task_id: taskId }, key)).json,
  };
}

describe("tasks", () => {
  it("advance queued -> running -> succeeded with rising progress, then carry a result", async () => {
    const clock = manualClock();
    const { taskId, poll } = await acmeTask({ clock: clock.now, taskDurationMs: 1000 });
    expect(taskId).toMatch(/^[0-9a-f]{24}$/);
    const seen: Array<[unknown, unknown]> = [];
    for (let i = 0; i < 6; i++) {
      const r = await poll();
      seen.push([getPath(r, "data.status"), getPath(r, "data.progress")]);
      clock.advance(250);
    }
    expect(seen.map(([s]) => s)).toEqual(["queued", "running", "running", "running", "done", "done"]);
    const progress = seen.map(([, p]) => p as number);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(100);
    const final = await poll();
    expect(getPath(final, "data.task_id")).toBe(taskId);
    expect(getPath(final, "data.result.video_url")).toMatch(
      new RegExp(`^${sim!.origin}/__sim/files/.+\\.mp4$`),
    );
    expect(getPath(final, "data.result.cover_url")).toMatch(/\.png$/);
    expect(getPath(final, "data.result.duration")).toBe(5);
    expect(await poll()).toMatchObject({ data: getPath(final, "data") as object });
  });

  it("uses per-operation durations and the seed for deterministic ids", async () => {
    const clock = manualClock();
    const first = await acmeTask({
      clock: clock.now,
      taskDurationMs: { "*": 5000, textToVideo: 0 },
      seed: 7,
    });
    expect(getPath(await first.poll(), "data.status")).toBe("done");
    await sim!.close();
    const again = await acmeTask({ clock: clock.now, seed: 7 });
    expect(again.taskId).toBe(first.taskId);
    await sim!.close();
    const other = await acmeTask({ clock: clock.now, seed: 8 });
    expect(other.taskId).not.toBe(first.taskId);
  });

  it.each([
    ["failed", "failed"],
    ["cancelled", "cancelled"],
    ["timed_out", "timeout"],
  ] as const)("ends %s on demand with a reason", async (state, wire) => {
    const clock = manualClock();
    sim = await startSimulator({ model: fixture("acme"), clock: clock.now, taskDurationMs: 100 });
    sim.faults.add({ kind: "task-outcome", operation: "textToVideo", state, reason: "simulated" });
    const created = await postJson(`${sim.baseUrl}/v1/video/text`, { prompt: "a" }, key);
    const taskId = getPath(created.json, "data.task_id");
    clock.advance(100);
    const r = (await postJson(`${sim.baseUrl}/v1/task`, { task_id: taskId }, key)).json;
    expect(getPath(r, "data.status")).toBe(wire);
    expect(getPath(r, "data.reason")).toBe("simulated");
    expect(getPath(r, "data.result")).toBeUndefined();
  });

  it("steers an existing task with tasks.setOutcome", async () => {
    const { taskId, poll } = await acmeTask({ taskDurationMs: 0 });
    sim!.tasks.setOutcome(taskId, { state: "failed", reason: "nsfw" });
    expect(await poll()).toMatchObject({ data: { status: "failed", reason: "nsfw" } });
  });

  it("answers the not-found code for an unknown task id", async () => {
    sim = await startSimulator({ model: fixture("acme") });
    const r = await postJson(`${sim.baseUrl}/v1/task`, { task_id: "nope" }, key);
    expect(r.json.code).toBe(1003);
  });

  it("sends numeric status spellings as numbers and json-string results", async () => {
    const clock = manualClock();
    sim = await startSimulator({ model: fixture("zeta"), clock: clock.now, taskDurationMs: 100 });
    const headers = {
      authorization: `Basic ${Buffer.from("sim-app-key:sim-app-secret").toString("base64")}`,
      "x-app-key": "sim-app-key",
    };
    const created = await postJson(
      `${sim.baseUrl}/music`,
      { payload: { prompt: "jazz", duration: 3 } },
      headers,
    );
    const id = getPath(created.json, "data.job.id") as string;
    const poll = async () => (await fetch(`${sim!.baseUrl}/tasks/${id}`, { headers })).json();
    expect(getPath(await poll(), "data.status")).toBe(1);
    clock.advance(50);
    expect(getPath(await poll(), "data.status")).toBe(2);
    clock.advance(50);
    const done = await poll();
    expect(getPath(done, "data.status")).toBe(3);
    const result = getPath(done, "data.result");
    expect(typeof result).toBe("string");
    const audio = getPath(JSON.parse(result as string), "audio_path.0") as string;
    expect(audio).toMatch(/\.mp3$/);
  });

  it("lets statusValues override the reversed statusMap", async () => {
    const { poll } = await acmeTask({ taskDurationMs: 0, statusValues: { succeeded: "SUCCESS" } });
    expect(getPath(await poll(), "data.status")).toBe("SUCCESS");
  });
});
