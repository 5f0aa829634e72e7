import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CameraMove,
  createTomoviee,
  imageToVideoInputSchema,
  type TomovieeClient,
  textToVideoInputCheck,
  textToVideoInputSchema,
} from "../src/index.js";
import { type CaptureServer, startCaptureServer } from "./helpers/capture-server.js";

type Call = (input: unknown, options?: unknown) => Promise<unknown>;

/** Invalid inputs: each must fail naming the field (and the rule) with no request sent. */
const invalid: Array<{
  name: string;
  operation: keyof TomovieeClient;
  input: Record<string, unknown>;
  field: string;
}> = [
  {
    name: "video duration fixed to 5",
    operation: "textToVideo",
    input: { prompt: "p", duration: 10 },
    field: "duration",
  },
  {
    name: "img2video duration fixed to 5",
    operation: "imageToVideo",
    input: { prompt: "p", image: "https://e.com/a.jpg", duration: 6 },
    field: "duration",
  },
  {
    name: "tail2video duration fixed to 5",
    operation: "firstLastFrameToVideo",
    input: { prompt: "p", image: "https://e.com/1.jpg", image_tail: "https://e.com/2.jpg", duration: 4 },
    field: "duration",
  },
  {
    name: "continuation duration fixed to 5",
    operation: "videoContinuation",
    input: { prompt: "p", video: "https://e.com/v.mp4", duration: 10 },
    field: "duration",
  },
  {
    name: "resolution enum",
    operation: "textToVideo",
    input: { prompt: "p", resolution: "4k" },
    field: "resolution",
  },
  {
    name: "camera move above 46",
    operation: "textToVideo",
    input: { prompt: "p", camera_move_index: 47 },
    field: "camera_move_index",
  },
  {
    name: "camera move below 1",
    operation: "imageToVideo",
    input: { prompt: "p", image: "https://e.com/a.jpg", camera_move_index: 0 },
    field: "camera_move_index",
  },
  {
    name: "'original' only for image inputs",
    operation: "videoContinuation",
    input: { prompt: "p", video: "https://e.com/v.mp4", aspect_ratio: "original" },
    field: "aspect_ratio",
  },
  { name: "prompt required", operation: "textToVideo", input: {}, field: "prompt" },
  { name: "prompt not empty", operation: "textToVideo", input: { prompt: "" }, field: "prompt" },
  {
    name: "last frame required",
    operation: "firstLastFrameToVideo",
    input: { prompt: "p", image: "https://e.com/1.jpg" },
    field: "image_tail",
  },
  {
    name: "img2img width >= 512",
    operation: "referenceImageToImage",
    input: { prompt: "p", reference_image: "https://e.com/r.jpg", width: 511 },
    field: "width",
  },
  {
    name: "img2img height <= 2048",
    operation: "referenceImageToImage",
    input: { prompt: "p", reference_image: "https://e.com/r.jpg", height: 2049 },
    field: "height",
  },
  {
    name: "img2img batch_size <= 4",
    operation: "referenceImageToImage",
    input: { prompt: "p", reference_image: "https://e.com/r.jpg", batch_size: 5 },
    field: "batch_size",
  },
  {
    name: "img2img control_intensity <= 1",
    operation: "referenceImageToImage",
    input: { prompt: "p", reference_image: "https://e.com/r.jpg", control_intensity: 1.5 },
    field: "control_intensity",
  },
  {
    name: "img2img control_type is a string enum",
    operation: "referenceImageToImage",
    input: { prompt: "p", reference_image: "https://e.com/r.jpg", control_type: "4" },
    field: "control_type",
  },
  {
    name: "img2img width is an integer",
    operation: "referenceImageToImage",
    input: { prompt: "p", reference_image: "https://e.com/r.jpg", width: 1000.5 },
    field: "width",
  },
  {
    name: "redrawing needs init_image",
    operation: "imageRedrawing",
    input: { prompt: "p" },
    field: "init_image",
  },
  { name: "img2mask needs image", operation: "imageToMask", input: { control_type: "1" }, field: "image" },
  {
    name: "music duration >= 1",
    operation: "textToMusic",
    input: { prompt: "p", duration: 0, qty: 1 },
    field: "duration",
  },
  {
    name: "music duration <= 95",
    operation: "textToMusic",
    input: { prompt: "p", duration: 96, qty: 1 },
    field: "duration",
  },
  {
    name: "music qty required",
    operation: "textToMusic",
    input: { prompt: "p", duration: 30 },
    field: "qty",
  },
  {
    name: "music qty <= 4",
    operation: "textToMusic",
    input: { prompt: "p", duration: 30, qty: 5 },
    field: "qty",
  },
  {
    name: "sfx duration >= 5",
    operation: "textToSoundEffect",
    input: { prompt: "p", duration: 4 },
    field: "duration",
  },
  {
    name: "sfx duration <= 180",
    operation: "textToSoundEffect",
    input: { prompt: "p", duration: 181 },
    field: "duration",
  },
  {
    name: "sfx qty >= 1",
    operation: "textToSoundEffect",
    input: { prompt: "p", duration: 10, qty: 0 },
    field: "qty",
  },
  {
    name: "speech text <= 5000 characters",
    operation: "textToSpeech",
    input: { text: "a".repeat(5001) },
    field: "text",
  },
  {
    name: "scoring duration >= 5",
    operation: "videoScoring",
    input: { video: "https://e.com/v.mp4", duration: 4 },
    field: "duration",
  },
  {
    name: "scoring duration <= 900",
    operation: "videoScoring",
    input: { video: "https://e.com/v.mp4", duration: 901 },
    field: "duration",
  },
  { name: "params not empty", operation: "textToSpeech", input: { text: "hi", params: "" }, field: "params" },
  {
    name: "callback is a string",
    operation: "textToSpeech",
    input: { text: "hi", callback: 42 },
    field: "callback",
  },
];

describe("input rules, enforced before any request", () => {
  let server: CaptureServer;
  let client: TomovieeClient;

  beforeAll(async () => {
    server = await startCaptureServer(() => ({ code: 0, msg: "ok", data: { task_id: "t-1" } }));
    client = createTomoviee({
      baseUrl: server.baseUrl,
      allowInsecureLoopback: true,
      appKey: "k",
      appSecret: "s",
    });
  });
  afterAll(() => server.close());

  const lastBody = () => JSON.parse(server.requests.at(-1)?.body ?? "null") as Record<string, unknown>;

  it.each(invalid)("$name", async ({ operation, input, field }) => {
    const before = server.requests.length;
    const error = await (client[operation] as Call)(input).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "InvalidRequestError", kind: "invalid_request", field });
    expect((error as Error).message).toContain(field);
    expect((error as { rule?: string }).rule).toBeTruthy();
    expect(server.requests.length).toBe(before);
  });

  it("rejects an unknown (misspelt) field, pointing at extraBody", async () => {
    const before = server.requests.length;
    const error = await client.textToVideo({ prompt: "p", promt: "typo" } as never).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "invalid_request" });
    expect((error as Error).message).toMatch(/promt/);
    expect((error as Error).message).toMatch(/extraBody/);
    expect(server.requests.length).toBe(before);
  });

  it("sends fields the catalog does not know through extraBody", async () => {
    await client.textToSpeech({ text: "hi" }, { extraBody: { wsid: 3 } });
    expect(lastBody()).toStrictEqual({ text: "hi", wsid: 3 });
  });

  it("img2img: init_image defaults to reference_image when control_type is '2' (explicit or default)", async () => {
    await client.referenceImageToImage({
      prompt: "p",
      reference_image: "https://e.com/r.jpg",
      control_type: "2",
    });
    expect(lastBody()["init_image"]).toBe("https://e.com/r.jpg");
    await client.referenceImageToImage({ prompt: "p", reference_image: "https://e.com/r.jpg" });
    expect(lastBody()).toMatchObject({ control_type: "2", init_image: "https://e.com/r.jpg" });
  });

  it("img2img: an explicit init_image is kept; other control types send none unless given", async () => {
    await client.referenceImageToImage({
      prompt: "p",
      reference_image: "https://e.com/r.jpg",
      init_image: "https://e.com/i.jpg",
    });
    expect(lastBody()["init_image"]).toBe("https://e.com/i.jpg");
    await client.referenceImageToImage({
      prompt: "p",
      reference_image: "https://e.com/r.jpg",
      control_type: "1",
    });
    expect(lastBody()).not.toHaveProperty("init_image");
    await client.referenceImageToImage({
      prompt: "p",
      reference_image: "https://e.com/r.jpg",
      control_type: "3",
      init_image: "https://e.com/i.jpg",
    });
    expect(lastBody()["init_image"]).toBe("https://e.com/i.jpg");
  });

  it("video capabilities always send duration 5 and accept the named camera moves", async () => {
    await client.textToVideo({ prompt: "p", camera_move_index: CameraMove.SuperDollyIn });
    expect(lastBody()).toMatchObject({ duration: 5, camera_move_index: 13 });
    await client.videoContinuation({ prompt: "p", video: "https://e.com/v.mp4" });
    expect(lastBody()).toMatchObject({ duration: 5 });
  });

  it("a missing credential fails before any request, naming the option and the variable", async () => {
    const before = server.requests.length;
    const anonymous = createTomoviee({ baseUrl: server.baseUrl, allowInsecureLoopback: true, env: {} });
    const error = await anonymous.textToSpeech({ text: "hi" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "missing_credential" });
    expect((error as Error).message).toMatch(/appKey|appSecret/);
    expect((error as Error).message).toMatch(/TOMOVIEE_APP_(KEY|SECRET)/);
    expect(server.requests.length).toBe(before);
  });

  it("reads credentials from TOMOVIEE_APP_KEY / TOMOVIEE_APP_SECRET", async () => {
    const fromEnv = createTomoviee({
      baseUrl: server.baseUrl,
      allowInsecureLoopback: true,
      env: { TOMOVIEE_APP_KEY: "env-key", TOMOVIEE_APP_SECRET: "env-secret" },
    });
    await fromEnv.textToSpeech({ text: "hi" });
    const sent = server.requests.at(-1);
    expect(sent?.headers["x-app-key"]).toBe("env-key");
    expect(sent?.headers.authorization).toBe(`Basic ${Buffer.from("env-key:env-secret").toString("base64")}`);
  });
});

describe("a numeric enum shared by several operations (camera_move_index, 1-46)", () => {
  const ALL = `must be one of: ${Array.from({ length: 46 }, (_, i) => i + 1).join(", ")}`;

  it("the zod schema and the compact validator refuse 47 with the same message listing every value", async () => {
    const zod = textToVideoInputSchema().safeParse({ prompt: "p", camera_move_index: 47 });
    expect(zod.success).toBe(false);
    expect(zod.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["camera_move_index", ALL]]);
    const compact = await textToVideoInputCheck()["~standard"].validate({
      prompt: "p",
      camera_move_index: 47,
    });
    expect("issues" in compact && compact.issues?.map((i) => i.message)).toEqual([ALL]);
  });

  it("every operation that shares the list accepts each value and refuses 0", () => {
    const image = { prompt: "p", image: "https://e.com/a.jpg" };
    expect(imageToVideoInputSchema().safeParse({ ...image, camera_move_index: 46 }).success).toBe(true);
    expect(
      imageToVideoInputSchema().safeParse({ ...image, camera_move_index: 0 }).error?.issues[0]?.message,
    ).toBe(ALL);
  });
});
