import { getPath } from "@gen/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../src/index.js";
import { fixture, postJson } from "./fixtures.js";

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ model: fixture("acme"), taskDurationMs: 0 });
});
afterAll(() => sim.close());

const key = { "x-acme-key": "sim-key" };

describe("HTTP control API", () => {
  it("queues faults over HTTP and lists them", async () => {
    const queued = await postJson(`${sim.origin}/__sim/faults`, [
      { kind: "error", code: 1500, operation: "textToVideo" },
      { kind: "reset-before", path: "/v1/task" },
    ]);
    expect(queued.json).toEqual({ queued: 2 });
    const pending = (await (await fetch(`${sim.origin}/__sim/faults`)).json()) as unknown[];
    expect(pending).toHaveLength(2);
    const r = await postJson(`${sim.baseUrl}/v1/video/text`, { prompt: "a" }, key);
    expect(r.json.code).toBe(1500);
    await fetch(`${sim.origin}/__sim/faults`, { method: "DELETE" });
    expect(await (await fetch(`${sim.origin}/__sim/faults`)).json()).toEqual([]);
  });

  it("refuses malformed faults naming the field", async () => {
    const r = await postJson(`${sim.origin}/__sim/faults`, { faults: [{ kind: "explode" }] });
    expect(r.status).toBe(400);
    expect(r.json.error).toContain("faults[0].kind");
    const noMs = await postJson(`${sim.origin}/__sim/faults`, { kind: "delay" });
    expect(noMs.json.error).toContain("faults[0].ms");
  });

  it("serves the ledger, steers tasks and resets", async () => {
    await postJson(`${sim.origin}/__sim/reset`, {});
    const created = await postJson(`${sim.baseUrl}/v1/video/text`, { prompt: "a" }, key);
    const id = getPath(created.json, "data.task_id") as string;
    const ledger = (await (await fetch(`${sim.origin}/__sim/ledger`)).json()) as Record<string, unknown>;
    expect(ledger["creates"]).toEqual({ textToVideo: 1 });
    expect(getPath(ledger, "tasks.0.id")).toBe(id);
    expect(getPath(ledger, "entries.0")).toMatchObject({
      method: "POST",
      path: "/v2/v1/video/text",
      status: 200,
    });
    const steer = await postJson(`${sim.origin}/__sim/tasks/${id}/outcome`, {
      state: "cancelled",
      reason: "user",
    });
    expect(steer.status).toBe(200);
    const poll = await postJson(`${sim.baseUrl}/v1/task`, { task_id: id }, key);
    expect(poll.json).toMatchObject({ data: { status: "cancelled", reason: "user" } });
    expect((await postJson(`${sim.origin}/__sim/tasks/nope/outcome`, { state: "failed" })).status).toBe(404);
    await postJson(`${sim.origin}/__sim/reset`, {});
    const empty = (await (await fetch(`${sim.origin}/__sim/ledger`)).json()) as Record<string, unknown>;
    expect(empty).toEqual({ entries: [], creates: {}, tasks: [] });
  });
});
