import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Task } from "@gen/runtime";
import { type Simulator, startSimulator } from "@gen/simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTomoviee, type TomovieeClient, type TomovieeTaskResult } from "../src/index.js";
import { capabilityCases } from "./helpers/capabilities.js";

const FAST_WAIT = { minDelayMs: 2, maxDelayMs: 10, timeoutMs: 10_000 };

describe("every capability against the simulator: create -> wait -> typed result", () => {
  let sim: Simulator;
  let client: TomovieeClient;

  beforeAll(async () => {
    sim = await startSimulator({ vendor: "tomoviee", taskDurationMs: 20 });
    client = createTomoviee({
      baseUrl: sim.baseUrl,
      allowInsecureLoopback: true,
      appKey: sim.credentials["appKey"],
      appSecret: sim.credentials["appSecret"],
    });
  });
  afterAll(() => sim.close());

  it.each(capabilityCases)(
    "$operation ($capability)",
    async ({ operation, capability, input, field, count }) => {
      const call = client[operation] as (input: unknown) => Promise<Task<TomovieeTaskResult>>;
      const task = await call(input);
      expect(task.handle).toMatchObject({ vendor: "tomoviee", taskId: task.taskId });
      const result = await task.wait(FAST_WAIT);
      expect(Object.keys(result)).toEqual([field]);
      const urls = result[field];
      expect(urls).toHaveLength(count);
      for (const url of urls ?? []) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/__sim\/files\//);
      const creates = sim.ledger.entries.filter((e) => e.path.endsWith(`/${capability}`));
      expect(creates.at(-1)?.body).toMatchObject(input);
      expect(sim.ledger.createCount(operation)).toBe(1);
    },
  );

  it("call() by the vendor's capability name and resume() by bare task id", async () => {
    const task = (await client.call("tm_text2sfx", { prompt: "Door slam", duration: 5 })) as Awaited<
      ReturnType<TomovieeClient["textToSoundEffect"]>
    >;
    const resumed = client.resume<{ audio_path?: string[] }>(task.taskId);
    const result = await resumed.wait(FAST_WAIT);
    expect(result.audio_path?.[0]).toContain("/__sim/files/");
  });

  it("feeds the vendor's progress into progress events and downloads the result", async () => {
    const events: number[] = [];
    const task = await client.textToVideo({ prompt: "Waves at dusk" });
    const result = await task.wait({ ...FAST_WAIT, onProgress: (e) => events.push(e.progress) });
    expect(events.length).toBeGreaterThan(0);
    expect(events.at(-1)).toBe(100);
    const dir = await mkdtemp(join(tmpdir(), "tomoviee-e2e-"));
    try {
      const file = await client.runtime.download(result.video_path?.[0] ?? "", dir, { accept: ["video/"] });
      expect(file.contentType).toBe("video/mp4");
      expect(file.bytes).toBeGreaterThan(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("extraBody fields reach the vendor (the simulated gateway ignores what it does not know)", async () => {
    const task = await client.textToSpeech({ text: "hi" }, { extraBody: { wsid: 3 } });
    const sent = sim.ledger.entries.filter((e) => e.path.endsWith("/tm_text2speech")).at(-1);
    expect(sent?.body).toStrictEqual({ text: "hi", wsid: 3 });
    expect((await task.wait(FAST_WAIT)).audio_path).toHaveLength(1);
  });

  it("maps a failed task to TaskFailedError with the vendor's reason", async () => {
    sim.faults.add({
      operation: "textToMusic",
      kind: "task-outcome",
      state: "failed",
      reason: "prompt rejected",
    });
    const task = await client.textToMusic({ prompt: "x", duration: 10, qty: 1 });
    await expect(task.wait(FAST_WAIT)).rejects.toMatchObject({
      name: "TaskFailedError",
      kind: "task_failed",
    });
  });

  it("never retries a paid create that may have reached the vendor", async () => {
    sim.faults.add({ operation: "imageRedrawing", kind: "reset-after" });
    const before = sim.ledger.createCount("imageRedrawing");
    const error = await client
      .imageRedrawing({ prompt: "Blue sky", init_image: "https://example.com/p.jpg" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "ambiguous_submission" });
    expect(sim.ledger.createCount("imageRedrawing")).toBe(before + 1);
  });

  it("retries polls through transient gateway errors without losing the task", async () => {
    sim.faults.add({ operation: "getTask", kind: "status", status: 503, times: 2 });
    const before = sim.ledger.createCount("imageToMask");
    const task = await client.imageToMask({ image: "https://example.com/p.jpg" });
    const result = await task.wait(FAST_WAIT);
    expect(result.mask_path).toHaveLength(1);
    expect(sim.ledger.createCount("imageToMask")).toBe(before + 1);
  });

  it("refuses wrong credentials with a typed authentication error", async () => {
    const bad = createTomoviee({
      baseUrl: sim.baseUrl,
      allowInsecureLoopback: true,
      appKey: "nope",
      appSecret: "nope",
    });
    await expect(bad.textToSpeech({ text: "hi" })).rejects.toMatchObject({ kind: "authentication" });
  });
});
