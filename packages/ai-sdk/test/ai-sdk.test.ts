import { APICallError, InvalidArgumentError } from "@ai-sdk/provider";
import * as edrawmaxSdk from "@gen/edrawmax";
import * as imaSdk from "@gen/ima";
import * as mediaioSdk from "@gen/mediaio";
import { type Simulator, startSimulator } from "@gen/simulator";
import * as tomovieeSdk from "@gen/tomoviee";
import { experimental_generateVideo, generateImage } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGenProvider } from "../src/index.js";

(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false; // warnings are asserted, not printed
const TASK_MS = 10_000;
let now = 1_000_000;
const clock = () => now;
let mediaioSim: Simulator;
let imaSim: Simulator;
let tomovieeSim: Simulator;

beforeAll(async () => {
  const start = (vendor: string) => startSimulator({ vendor, clock, taskDurationMs: TASK_MS });
  [mediaioSim, imaSim, tomovieeSim] = await Promise.all([start("mediaio"), start("ima"), start("tomoviee")]);
});
afterAll(() => Promise.all([mediaioSim?.close(), imaSim?.close(), tomovieeSim?.close()]));

/** Client options pointing a package at its simulator (credentials as options, loopback opt-in). */
function simOptions(sim: Simulator): Record<string, unknown> {
  return { ...sim.credentials, baseUrl: sim.baseUrl, allowInsecureLoopback: true };
}

/** Moves the simulators' clock past the task's end once the simulator has seen one more create. */
async function finishAfterCreate(sim: Simulator): Promise<void> {
  const start = sim.ledger.createCount();
  while (sim.ledger.createCount() === start) await new Promise((r) => setImmediate(r));
  now += TASK_MS + 1;
}

describe("AI SDK providers (real `ai` package, simulators)", { timeout: 60_000 }, () => {
  it("generateImage(mediaio.image('imagen-4')) maps n and aspectRatio, returns the image bytes", async () => {
    const mediaio = createGenProvider(mediaioSdk, {
      clientOptions: simOptions(mediaioSim),
      pollIntervalMs: 10,
    });
    const before = mediaioSim.ledger.createCount();
    const [result] = await Promise.all([
      generateImage({
        model: mediaio.image("imagen-4"),
        prompt: "a lighthouse",
        n: 2,
        aspectRatio: "16:9",
        seed: 7,
      }),
      finishAfterCreate(mediaioSim),
    ]);
    expect(result.images.length).toBeGreaterThan(0);
    expect(result.images[0]?.uint8Array.byteLength).toBeGreaterThan(0);
    expect(result.images[0]?.mediaType).toMatch(/^image\//);
    expect(result.warnings).toEqual([expect.objectContaining({ type: "unsupported", feature: "seed" })]);
    const create = mediaioSim.ledger
      .requests()
      .find((e) => e.method === "POST" && e.path.includes("t2i-imagen-4"));
    expect(JSON.stringify(create?.body)).toContain('"ratio":"16:9"');
    expect(JSON.stringify(create?.body)).toContain('"counts":"2"');
    expect(mediaioSim.ledger.createCount()).toBe(before + 1);
    expect(result.providerMetadata.mediaio?.images.length).toBe(result.images.length);
  });

  it("experimental_generateVideo(ima.video('wan-2.6')) runs IMA's model-name flow", async () => {
    const ima = createGenProvider(imaSdk, { clientOptions: simOptions(imaSim), pollIntervalMs: 10 });
    const [result] = await Promise.all([
      experimental_generateVideo({
        model: ima.video("wan-2.6"),
        prompt: "a lighthouse at dusk",
        duration: 5,
      }),
      finishAfterCreate(imaSim),
    ]);
    expect(result.videos.length).toBeGreaterThan(0);
    expect(result.videos[0]?.mediaType).toBe("video/mp4");
    const create = imaSim.ledger
      .requests()
      .find((e) => e.method === "POST" && e.path.endsWith("/tasks/create"));
    expect(JSON.stringify(create?.body)).toContain("wan2.6-t2v");
  });

  it("experimental_generateVideo with a generated video operation (tomoviee textToVideo)", async () => {
    const tomoviee = createGenProvider(tomovieeSdk, {
      clientOptions: simOptions(tomovieeSim),
      pollIntervalMs: 10,
    });
    const [result] = await Promise.all([
      experimental_generateVideo({
        model: tomoviee.video("text_to_video"),
        prompt: "a fox",
        aspectRatio: "9:16",
        fps: 24,
      }),
      finishAfterCreate(tomovieeSim),
    ]);
    expect(result.videos.length).toBeGreaterThan(0);
    expect(result.warnings).toEqual([expect.objectContaining({ type: "unsupported", feature: "fps" })]);
  });

  it("a package's own `videoFlow` serves model ids no operation matches (no vendor-specific code)", async () => {
    const seen: Array<{ modelId: string; prompt?: string | undefined }> = [];
    const sdk = {
      ...tomovieeSdk,
      videoFlow: {
        urlPaths: tomovieeSdk.tomovieeVendor.task?.resultUrlPaths ?? [],
        plan: (
          _client: unknown,
          modelId: string,
          s: { prompt?: string | undefined; seed?: number | undefined },
        ) => {
          seen.push({ modelId, prompt: s.prompt });
          return {
            method: "textToVideo",
            input: { prompt: `${s.prompt} (${modelId})`, camera_move_index: 5 },
            unsupported: s.seed === undefined ? [] : (["seed"] as const),
          };
        },
      },
    };
    const provider = createGenProvider(sdk, { clientOptions: simOptions(tomovieeSim), pollIntervalMs: 10 });
    const before = tomovieeSim.ledger.createCount();
    const [result] = await Promise.all([
      experimental_generateVideo({ model: provider.video("fox-cam"), prompt: "a fox", seed: 3 }),
      finishAfterCreate(tomovieeSim),
    ]);
    expect(seen).toEqual([{ modelId: "fox-cam", prompt: "a fox" }]);
    expect(result.videos.length).toBeGreaterThan(0);
    expect(result.warnings).toEqual([
      expect.objectContaining({
        type: "unsupported",
        feature: "seed",
        details: "pass it in providerOptions.tomoviee",
      }),
    ]);
    expect(tomovieeSim.ledger.createCount()).toBe(before + 1);
    const create = tomovieeSim.ledger
      .requests()
      .filter((e) => e.method === "POST" && typeof (e.body as { prompt?: unknown })?.prompt === "string")
      .at(-1);
    expect(create?.body).toMatchObject({ prompt: "a fox (fox-cam)", camera_move_index: 5 });
    // the same package without its videoFlow: the id is unknown
    expect(() => createGenProvider(tomovieeSdk).video("fox-cam")).toThrow(/fox-cam/);
  });

  it("abort: the signal stops the wait with an AbortError, the task is not created twice", async () => {
    const mediaio = createGenProvider(mediaioSdk, {
      clientOptions: simOptions(mediaioSim),
      pollIntervalMs: 10,
    });
    const before = mediaioSim.ledger.createCount();
    const controller = new AbortController();
    const call = generateImage({
      model: mediaio.image("t2iImagen4"),
      prompt: "x",
      abortSignal: controller.signal,
    });
    while (mediaioSim.ledger.createCount() === before) await new Promise((r) => setImmediate(r));
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: "AbortError" });
    expect(mediaioSim.ledger.createCount()).toBe(before + 1);
  });

  it("a vendor error is an APICallError (not retried: one create), a bad field an InvalidArgumentError", async () => {
    const mediaio = createGenProvider(mediaioSdk, {
      clientOptions: simOptions(mediaioSim),
      pollIntervalMs: 10,
    });
    const before = mediaioSim.ledger.createCount();
    const imagenCalls = () =>
      mediaioSim.ledger.requests().filter((e) => e.path.includes("t2i-imagen-4")).length;
    const calls = imagenCalls();
    mediaioSim.faults.add({ operation: "t2iImagen4", kind: "error", code: 490505 });
    const error = await generateImage({ model: mediaio.image("Imagen 4"), prompt: "x" }).catch(
      (e: unknown) => e,
    );
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      isRetryable: false,
      data: { kind: "insufficient_credits", code: "490505" },
    });
    expect(imagenCalls()).toBe(calls + 1);

    const sent = mediaioSim.ledger.requests().length;
    const bad = await generateImage({
      model: mediaio.image("imagen-4"),
      prompt: "x",
      providerOptions: { mediaio: { ratio: "7:5" } },
    }).catch((e: unknown) => e);
    expect(InvalidArgumentError.isInstance(bad)).toBe(true);
    expect(bad).toMatchObject({
      argument: "ratio",
      message: expect.stringContaining("ratio: must be one of"),
    });
    expect(mediaioSim.ledger.requests().length).toBe(sent);
    expect(mediaioSim.ledger.createCount()).toBe(before);
  });

  it("an unknown model is a NoSuchModelError listing the vendor's models; a non-media vendor has none", () => {
    const mediaio = createGenProvider(mediaioSdk, { clientOptions: simOptions(mediaioSim) });
    expect(() => mediaio.image("imagen-9")).toThrow(/No mediaio image model "imagen-9". Known: .*t2iImagen4/);
    expect(mediaio.videoModels()).toContain("t2vWanV26");
    expect(createGenProvider(edrawmaxSdk).imageModels()).toEqual([]);
  });
});
