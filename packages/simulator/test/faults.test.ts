import { getPath } from "@gen/runtime";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../src/index.js";
import { fixture, postJson } from "./fixtures.js";

let sim: Simulator;
beforeEach(async () => {
  sim = await startSimulator({ model: fixture("acme"), taskDurationMs: 0 });
});
afterEach(() => sim.close());

const key = { "content-type": "application/json", "x-acme-key": "sim-key" };
const create = () =>
  fetch(`${sim.baseUrl}/v1/video/text`, {
    method: "POST",
    headers: key,
    body: JSON.stringify({ prompt: "a" }),
  });

describe("fault injection", () => {
  it("error: answers the vendor code and processes nothing", async () => {
    sim.faults.add({ kind: "error", operation: "textToVideo", code: 1004 });
    const r = await create();
    expect(await r.json()).toMatchObject({ code: 1004, msg: "Insufficient credits" });
    expect(sim.ledger.createCount("textToVideo")).toBe(0);
    expect(sim.ledger.entries[0]?.fault).toBe("error");
    expect(((await (await create()).json()) as { code: number }).code).toBe(0);
  });

  it("status: 503, and 429 with Retry-After in seconds or as a date", async () => {
    sim.faults.add(
      { kind: "status", status: 503, operation: "textToVideo" },
      { kind: "status", status: 429, retryAfter: 2, path: "/v1/video/text" },
      { kind: "status", status: 429, retryAfterDateMs: 60_000 },
    );
    expect((await create()).status).toBe(503);
    const seconds = await create();
    expect(seconds.status).toBe(429);
    expect(seconds.headers.get("retry-after")).toBe("2");
    const dated = await create();
    expect(Number.isNaN(Date.parse(dated.headers.get("retry-after") ?? ""))).toBe(false);
    expect(sim.ledger.createCount()).toBe(0);
  });

  it("reset-before: the client sees a reset and no task exists", async () => {
    sim.faults.add({ kind: "reset-before", operation: "t2v-acme-1" });
    await expect(create()).rejects.toThrow();
    expect(sim.ledger.createCount()).toBe(0);
    expect(sim.ledger.tasks()).toHaveLength(0);
    expect(sim.ledger.entries[0]).toMatchObject({ outcome: "reset", fault: "reset-before" });
  });

  it("reset-after: the task is created, the client sees a reset", async () => {
    sim.faults.add({ kind: "reset-after", operation: "textToVideo" });
    await expect(create()).rejects.toThrow();
    expect(sim.ledger.createCount("textToVideo")).toBe(1);
    expect(sim.ledger.tasks()).toHaveLength(1);
    expect(sim.ledger.entries[0]?.taskId).toBe(sim.ledger.tasks()[0]?.id);
  });

  it("delay: answers normally, no sooner than the delay", async () => {
    sim.faults.add({ kind: "delay", ms: 120 });
    const started = performance.now();
    const r = await create();
    // A lower bound only: it cannot flake on a slow machine.
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    expect(((await r.json()) as { code: number }).code).toBe(0);
  });

  it("slow: trickles the body in several chunks", async () => {
    sim.faults.add({ kind: "slow", ms: 100 });
    const r = await create();
    const reader = r.body!.getReader();
    const chunks: Uint8Array[] = [];
    for (let c = await reader.read(); !c.done; c = await reader.read()) chunks.push(c.value);
    expect(chunks.length).toBeGreaterThan(1);
    expect(JSON.parse(Buffer.concat(chunks).toString())).toMatchObject({ code: 0 });
  });

  it("truncate: the body ends early; the task was created", async () => {
    sim.faults.add({ kind: "truncate", operation: "textToVideo" });
    const r = await create();
    await expect(r.text()).rejects.toThrow();
    expect(sim.ledger.createCount()).toBe(1);
  });

  it("non-json: an HTML gateway page, nothing processed", async () => {
    sim.faults.add({ kind: "non-json" });
    const r = await create();
    expect(r.status).toBe(502);
    expect(r.headers.get("content-type")).toContain("text/html");
    await expect(r.json()).rejects.toThrow();
    expect(sim.ledger.createCount()).toBe(0);
  });

  it("applies to the next N matching requests only, in order, and not to others", async () => {
    sim.faults.add({ kind: "status", status: 500, operation: "getTask", times: 2 });
    expect((await create()).status).toBe(200);
    const poll = () => postJson(`${sim.baseUrl}/v1/task`, { task_id: "x" }, key);
    expect((await poll()).status).toBe(500);
    expect(sim.faults.pending()[0]?.remaining).toBe(1);
    expect((await poll()).status).toBe(500);
    expect((await poll()).json.code).toBe(1003);
    expect(sim.faults.pending()).toEqual([]);
  });

  it("matches file downloads by path prefix", async () => {
    sim.faults.add({ kind: "truncate", path: "/__sim/files/*" });
    const created = await postJson(`${sim.baseUrl}/v1/video/text`, { prompt: "a" }, key);
    const done = await postJson(
      `${sim.baseUrl}/v1/task`,
      { task_id: getPath(created.json, "data.task_id") },
      key,
    );
    const url = getPath(done.json, "data.result.video_url") as string;
    await expect((await fetch(url)).arrayBuffer()).rejects.toThrow();
    expect((await (await fetch(url)).arrayBuffer()).byteLength).toBeGreaterThan(0);
  });
});
