import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAST_WAIT, type ImaHarness, startIma } from "./helpers/start-ima.js";

let h: ImaHarness;
let dir: string;
beforeAll(async () => {
  h = await startIma();
  dir = await mkdtemp(join(tmpdir(), "ima-test-"));
});
afterAll(() => h.close());

const lastCreate = () =>
  h.creates().at(-1)!.body as {
    parameters: Array<Record<string, unknown> & { parameters: Record<string, unknown> }>;
    src_img_url: string[];
  };

describe("video flows end to end", () => {
  it("text_to_video from an alias and a prompt", async () => {
    const task = await h.client.textToVideo({ model: "Wan", prompt: "a puppy runs across a meadow" });
    const result = await task.wait(FAST_WAIT);
    expect(result.url).toMatch(/\.mp4$/);
    expect(result.cover).toMatch(/\.jpg$/);
    expect(result.duration).toBe(5);
    expect(result.format).toBe("mp4");
    const p = lastCreate().parameters[0]!;
    expect([p["model_id"], p["model_version"], p["attribute_id"], p["credit"]]).toEqual([
      "wan2.6-t2v",
      "wan2.6-t2v",
      2057,
      25,
    ]);
    expect(task.report?.credit).toEqual({ attributeId: 2057, points: 25, match: "exact" });
  });

  it("sends the fixed headers and the language header", async () => {
    const zh = h.clientWith({ language: "zh" });
    await zh.textToVideo({ prompt: "rain on a window" });
    const create = h.creates().at(-1)!;
    expect(create.headers["x-app-source"]).toBe("ima_skills");
    expect(create.headers["x_app_language"]).toBe("zh");
    expect(create.headers["authorization"]).toBe(`Bearer ${h.sim.credentials["apiKey"]}`);
  });

  it("image_to_video with a local file: uploaded, then mirrored into src_img_url and input_images", async () => {
    const file = join(dir, "frame.png");
    await writeFile(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
    const task = await h.client.imageToVideo({
      model: "万",
      prompt: "the scene comes alive",
      images: [file],
    });
    const body = lastCreate();
    expect(body.parameters[0]!["model_id"]).toBe("wan2.6-i2v");
    expect(body.src_img_url).toHaveLength(1);
    expect(body.src_img_url[0]).toMatch(/^https:\/\/imapi\.liveme\.com\/cdn\/.+\.png$/);
    expect(body.parameters[0]!.parameters["input_images"]).toEqual(body.src_img_url);
    const put = h.seen.find((r) => r.method === "PUT")!;
    expect(put.headers["content-type"]).toBe("image/png");
    expect(put.headers["authorization"]).toBeUndefined();
    expect((await task.wait(FAST_WAIT)).url).toMatch(/\.mp4$/);
  });

  it("first_last_frame_to_video with two https images and the default model", async () => {
    const frames = ["https://cdn.example.com/a.jpg", "https://cdn.example.com/b.jpg"];
    const task = await h.client.firstLastFrameToVideo({ prompt: "smooth transition", images: frames });
    expect(lastCreate().src_img_url).toEqual(frames);
    expect(lastCreate().parameters[0]!["model_id"]).toBe("kling-video-o1");
    expect((await task.wait(FAST_WAIT)).medias).toHaveLength(1);
  });

  it("reference_image_to_video from a Chinese alias", async () => {
    const task = await h.client.referenceImageToVideo({
      model: "可灵",
      prompt: "same character dancing",
      images: ["https://cdn.example.com/ref.jpg"],
      mode: "pro",
    });
    const p = lastCreate().parameters[0]!;
    expect([p["model_id"], p["attribute_id"], p["credit"]]).toEqual(["kling-video-o1", 2314, 60]);
    await expect(task.wait(FAST_WAIT)).resolves.toMatchObject({ taskId: task.taskId });
  });

  it("waits for every media when n > 1, with progress from the model's estimated time", async () => {
    const task = await h.client.textToVideo({ model: "Kling O1", prompt: "two takes", n: 2 });
    expect(task.estimatedMs).toEqual([180_000, 360_000]);
    const events: Array<{ status: string; progress: number }> = [];
    const result = await task.wait({ ...FAST_WAIT, onProgress: (e) => events.push(e) });
    expect(events.at(-1)).toMatchObject({ status: "succeeded", progress: 100 });
    expect(events.filter((e) => e.status !== "succeeded").every((e) => e.progress <= 95)).toBe(true);
    expect(result.medias.map((m) => m.url)).toHaveLength(2);
    expect(new Set(result.medias.map((m) => m.url)).size).toBe(2);
  });

  it("picks the multi-rule Veo rule through the virtual quality field", async () => {
    await h.client.textToVideo({
      model: "Veo",
      prompt: "p",
      duration: 4,
      resolution: "4K",
      quality_level: "premium",
    });
    const p = lastCreate().parameters[0]!;
    expect([p["attribute_id"], p["credit"], p.parameters["compression_quality"]]).toEqual([
      4104,
      330,
      "high",
    ]);
  });

  it("pins Pixverse versions and injects the inner model", async () => {
    await h.client.textToVideo({ model: "Pixverse", prompt: "p" });
    let p = lastCreate().parameters[0]!;
    expect([p["model_name"], p.parameters["model"]]).toEqual(["Pixverse V5.5", "v5.5"]);
    await h.client.textToVideo({ model: "pixverse", version: "V4", prompt: "p", resolution: "720P" });
    p = lastCreate().parameters[0]!;
    expect([p["model_version"], p.parameters["model"], p["attribute_id"]]).toEqual([
      "pixverse-v4",
      "v4",
      6202,
    ]);
  });

  it("resume gives a media-aware task from a bare task id", async () => {
    const task = await h.client.textToVideo({ prompt: "p" });
    const resumed = h.client.resume(task.taskId);
    expect((await resumed.wait(FAST_WAIT)).taskId).toBe(task.taskId);
  });
});
