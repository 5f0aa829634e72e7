import { existsSync } from "node:fs";
import { getPath } from "@gen/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findWorkspaceRoot, type Simulator, startSimulator } from "../src/index.js";
import { fixture, manualClock, postJson } from "./fixtures.js";

const generated = `${findWorkspaceRoot()}/packages/mediaio/openapi.gen.json`;
const clock = manualClock();
const sources: Array<[string, () => Promise<Simulator>]> = [
  [
    "hand-written fixture",
    () => startSimulator({ model: fixture("mediaio"), clock: clock.now, taskDurationMs: 1000 }),
  ],
  ...(existsSync(generated)
    ? [
        [
          "generated openapi.gen.json",
          () => startSimulator({ vendor: "mediaio", clock: clock.now, taskDurationMs: 1000 }),
        ] as [string, () => Promise<Simulator>],
      ]
    : []),
];

describe.each(sources)("Media.io simulator from the %s", (_, start) => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await start();
  });
  afterAll(() => sim.close());
  const key = () => ({ "X-API-KEY": sim.credentials["apiKey"]! });

  it("runs create -> poll -> result -> file download with plain fetch", async () => {
    const created = await postJson(
      `${sim.baseUrl}/generation/imagen/t2i-imagen-4`,
      { data: { prompt: "a cat" } },
      key(),
    );
    expect(created.json).toMatchObject({ code: 0, msg: "" });
    const taskId = getPath(created.json, "data.task_id") as string;
    const poll = async () => (await postJson(`${sim.baseUrl}/generation/result/${taskId}`, {}, key())).json;
    const statuses = [getPath(await poll(), "data.status")];
    clock.advance(500);
    statuses.push(getPath(await poll(), "data.status"));
    clock.advance(500);
    const done = await poll();
    statuses.push(getPath(done, "data.status"));
    expect(statuses).toEqual([
      "waiting",
      expect.stringMatching(/^(processing|waiting|pending)$/),
      "completed",
    ]);
    const preview = getPath(done, "data.result.0.preview") as string;
    expect(preview.startsWith(`${sim.origin}/__sim/files/`)).toBe(true);
    const file = await fetch(preview);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await file.arrayBuffer()).subarray(1, 4)).toEqual(
      new Uint8Array([0x50, 0x4e, 0x47]),
    );
    expect(sim.ledger.createCount("t2iImagen4")).toBe(1);
  });

  it("serves a video result for an image-to-video model", async () => {
    const body = { data: { image: "https://example.test/a.png", prompt: "pan" } };
    const created = await postJson(`${sim.baseUrl}/generation/kling/i2v-kling-v2-1`, body, key());
    clock.advance(1000);
    const done = await postJson(
      `${sim.baseUrl}/generation/result/${getPath(created.json, "data.task_id")}`,
      {},
      key(),
    );
    const file = await fetch(getPath(done.json, "data.result.0.preview") as string);
    expect(file.headers.get("content-type")).toBe("video/mp4");
  });

  it("refuses a bad key with 374004 and an unwrapped or invalid body with 490000 naming the field", async () => {
    const url = `${sim.baseUrl}/generation/imagen/t2i-imagen-4`;
    expect((await postJson(url, { data: { prompt: "a" } }, { "X-API-KEY": "wrong" })).json.code).toBe(374004);
    const unwrapped = await postJson(url, { prompt: "a" }, key());
    expect(unwrapped.json).toMatchObject({ code: 490000 });
    expect(unwrapped.json.msg).toContain("prompt");
    const ratio = await postJson(url, { data: { prompt: "a", ratio: "5:4" } }, key());
    expect(ratio.json.msg).toContain("ratio: must be one of");
    const long = await postJson(url, { data: { prompt: "x".repeat(1201) } }, key());
    expect(long.json.msg).toContain("prompt: must be at most 1200 characters");
  });

  it("answers 40003 for an unknown task", async () => {
    const r = await postJson(`${sim.baseUrl}/generation/result/nope`, {}, key());
    expect(r.json.code).toBe(40003);
  });
});
