import type {
  Experimental_VideoModelV3 as VideoModelV3,
  Experimental_VideoModelV3CallOptions as VideoModelV3CallOptions,
} from "@ai-sdk/provider";
import { findResultUrls } from "@gen/runtime";
import { fetchAll } from "./fetch-all.js";
import { urlOf } from "./gen-image-model.js";
import type { CommonSettings } from "./map-settings.js";
import type { ProviderContext } from "./provider-context.js";
import { runGeneration } from "./run-generation.js";
import type { GenClientLike } from "./vendor-sdk.js";

/** How a video model starts its call: a generated operation, or a vendor quirk (IMA's model-name flow). */
export interface VideoStarter {
  /** The operation (or flow) name, for errors. */
  name: string;
  urlPaths?: readonly string[] | undefined;
  estimatedMs?: readonly [number, number] | undefined;
  /** Builds the input from the SDK's settings (warnings for what it cannot honour) and starts the call. */
  start(
    client: GenClientLike,
    settings: CommonSettings,
    passThrough: Record<string, unknown>,
  ): {
    warnings: import("@ai-sdk/provider").SharedV3Warning[];
    run: (call: import("@gen/runtime").CallOptions) => Promise<unknown>;
  };
}

/** An AI SDK video model (spec v3, `experimental_generateVideo`) over a starter. */
export function genVideoModel(ctx: ProviderContext, starter: VideoStarter, modelId: string): VideoModelV3 {
  return {
    specificationVersion: "v3",
    provider: `gen.${ctx.vendor}`,
    modelId,
    maxVideosPerCall: 1,
    async doGenerate(options: VideoModelV3CallOptions) {
      const { passThrough, wait } = ctx.providerOptions(options.providerOptions);
      const first = options.image ?? options.frameImages?.find((f) => f.frameType === "first_frame")?.image;
      const last = options.frameImages?.find((f) => f.frameType === "last_frame")?.image;
      const references = options.inputReferences?.map((f) => urlOf(f, "inputReferences")) ?? [];
      const settings: CommonSettings = {
        prompt: options.prompt,
        n: options.n,
        aspectRatio: options.aspectRatio === "adaptive" ? undefined : options.aspectRatio,
        size: options.resolution,
        duration: options.duration,
        fps: options.fps,
        seed: options.seed,
        generateAudio: options.generateAudio,
        images: first ? [urlOf(first, "image"), ...references] : references,
        lastFrame: last && urlOf(last, "frameImages"),
      };
      const client = ctx.client();
      const { warnings, run } = starter.start(client, settings, passThrough);
      const generation = await runGeneration(run, (result) => findResultUrls(result, starter.urlPaths), {
        ...wait,
        ...(starter.estimatedMs && !wait.pollIntervalMs ? { estimatedMs: starter.estimatedMs } : {}),
        abortSignal: options.abortSignal,
        headers: options.headers,
        url: `${ctx.vendor}:${starter.name}`,
      });
      const videos = await fetchAll(client, generation.urls, "video/", options.abortSignal);
      return {
        videos: videos.map((v) => ({ type: "binary" as const, data: v.data, mediaType: v.mediaType })),
        warnings,
        providerMetadata: {
          [ctx.vendor]: {
            urls: generation.urls,
            ...(generation.handle ? { taskHandle: { ...generation.handle } } : {}),
          },
        },
        response: { timestamp: new Date(), modelId, headers: undefined },
      };
    },
  };
}
