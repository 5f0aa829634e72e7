import { getPath } from "@gen/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../src/index.js";
import { fixture, postJson } from "./fixtures.js";

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ model: fixture("acme"), taskDurationMs: 0 });
});
afterAll(() => sim.close());

const magic: Record<string, [string, number[]]> = {
  png: ["image/png", [0x89, 0x50, 0x4e, 0x47]],
  jpg: ["image/jpeg", [0xff, 0xd8, 0xff]],
  mp4: ["video/mp4", [0x66, 0x74, 0x79, 0x70]],
  mp3: ["audio/mpeg", [0x49, 0x44, 0x33]],
  svg: ["image/svg+xml", [0x3c, 0x73, 0x76, 0x67]],
};

describe("file server", () => {
  it.each(Object.entries(magic))(
    "serves deterministic %s bytes with the right content type",
    async (ext, [type, head]) => {
      const a = await fetch(`${sim.origin}/__sim/files/x.${ext}`);
      expect(a.headers.get("content-type")).toBe(type);
      const bytes = new Uint8Array(await a.arrayBuffer());
      const offset = ext === "mp4" ? 4 : 0;
      expect([...bytes.subarray(offset, offset + head.length)]).toEqual(head);
      const b = new Uint8Array(await (await fetch(`${sim.origin}/__sim/files/y.${ext}`)).arrayBuffer());
      expect(b).toEqual(bytes);
    },
  );

  it("answers 404 for unknown kinds", async () => {
    expect((await fetch(`${sim.origin}/__sim/files/x.exe`)).status).toBe(404);
  });

  it("makes every result URL downloadable end to end", async () => {
    const key = { "x-acme-key": "sim-key" };
    const created = await postJson(`${sim.baseUrl}/v1/video/text`, { prompt: "a" }, key);
    const poll = await postJson(
      `${sim.baseUrl}/v1/task`,
      { task_id: getPath(created.json, "data.task_id") },
      key,
    );
    const video = await fetch(getPath(poll.json, "data.result.video_url") as string);
    expect(video.status).toBe(200);
    expect(video.headers.get("content-type")).toBe("video/mp4");
    expect((await video.arrayBuffer()).byteLength).toBeGreaterThan(16);
  });
});
