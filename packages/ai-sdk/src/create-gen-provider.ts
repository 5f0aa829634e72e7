import type {
  ImageModelV3,
  SharedV3ProviderOptions,
  Experimental_VideoModelV3 as VideoModelV3,
} from "@ai-sdk/provider";
import { NoSuchModelError } from "@ai-sdk/provider";
import type { OperationDefinition, VendorDefinition } from "@gen/runtime";
import { genImageModel } from "./gen-image-model.js";
import { genVideoModel, type VideoStarter } from "./gen-video-model.js";
import { mapSettings } from "./map-settings.js";
import { findMediaOperation, mediaOperations } from "./media-operations.js";
import type { ProviderContext } from "./provider-context.js";
import { type GenClientLike, inputFields, type VendorModule } from "./vendor-sdk.js";
import { videoFlowOf, videoFlowStarter } from "./video-flow-starter.js";

/** Options of {@link createGenProvider}. */
export interface GenProviderSettings {
  /** A client you built (`createMediaio({ apiKey })`); default: the package's factory with `clientOptions`. */
  client?: GenClientLike;
  /** Factory options when no `client` is given (credentials default to the environment). */
  clientOptions?: Record<string, unknown>;
  /** Poll every N ms instead of the vendor's adaptive schedule (also `providerOptions.<vendor>.pollIntervalMs`). */
  pollIntervalMs?: number;
  /** Give up waiting after N ms (the task may still finish; also `providerOptions.<vendor>.pollTimeoutMs`). */
  pollTimeoutMs?: number;
}

/** A vendor as an AI SDK provider: `image(id)` / `video(id)` by operation id, vendor name or alias. */
export interface GenProvider {
  image(modelId: string): ImageModelV3;
  imageModel(modelId: string): ImageModelV3;
  video(modelId: string): VideoModelV3;
  videoModel(modelId: string): VideoModelV3;
  /** Operation ids usable as image models. */
  imageModels(): string[];
  /** Operation ids usable as video models (a package exporting a `videoFlow`, such as IMA, also takes its model names). */
  videoModels(): string[];
}

/**
 * The AI SDK provider of one generated vendor package, derived from what the package exports (its
 * operations, zod input schemas and vendor definition): a new vendor needs no code here.
 *
 * ```ts
 * import * as mediaioSdk from "@gen/mediaio";
 * const mediaio = createGenProvider(mediaioSdk);
 * await generateImage({ model: mediaio.image("imagen-4"), prompt: "a lighthouse" });
 * ```
 */
export function createGenProvider(sdk: VendorModule, settings: GenProviderSettings = {}): GenProvider {
  const definition = vendorDefinitionOf(sdk);
  const vendor = definition.id;
  let client = settings.client;
  const ctx: ProviderContext = {
    vendor,
    module: sdk,
    client: () => {
      client ??= factoryOf(sdk, vendor)(settings.clientOptions ?? {});
      return client;
    },
    urlPaths: (op) =>
      (op.task as { resultUrlPaths?: readonly string[] } | undefined)?.resultUrlPaths ??
      definition.task?.resultUrlPaths,
    providerOptions: (options) => splitProviderOptions(options, vendor, settings),
  };
  const image = (modelId: string) => {
    const op = findMediaOperation(sdk, "image", modelId);
    if (!op)
      throw new NoSuchModelError({
        modelId,
        modelType: "imageModel",
        message: noSuch(vendor, "image", modelId, sdk),
      });
    return genImageModel(ctx, op, modelId);
  };
  const video = (modelId: string) => {
    const op = findMediaOperation(sdk, "video", modelId);
    if (op) return genVideoModel(ctx, operationStarter(ctx, op), modelId);
    const flow = videoFlowOf(sdk);
    if (flow) return genVideoModel(ctx, videoFlowStarter(flow, vendor, modelId), modelId);
    throw new NoSuchModelError({
      modelId,
      modelType: "videoModel" as never,
      message: noSuch(vendor, "video", modelId, sdk),
    });
  };
  return {
    image,
    imageModel: image,
    video,
    videoModel: video,
    imageModels: () => mediaOperations(sdk, "image").map((op) => op.id),
    videoModels: () => mediaOperations(sdk, "video").map((op) => op.id),
  };
}

function operationStarter(ctx: ProviderContext, op: OperationDefinition): VideoStarter {
  const fields = inputFields(op, ctx.module);
  return {
    name: op.id,
    urlPaths: ctx.urlPaths(op),
    estimatedMs: op.task?.estimatedMs,
    start(client, settings, passThrough) {
      const { input, warnings } = mapSettings(fields, settings);
      return { warnings, run: (call) => client.call(op.id, { ...input, ...passThrough }, call) };
    },
  };
}

function splitProviderOptions(
  options: SharedV3ProviderOptions | undefined,
  vendor: string,
  settings: GenProviderSettings,
): ReturnType<ProviderContext["providerOptions"]> {
  const { pollIntervalMs, pollTimeoutMs, ...passThrough } = (options?.[vendor] ?? {}) as Record<
    string,
    unknown
  >;
  const interval = typeof pollIntervalMs === "number" ? pollIntervalMs : settings.pollIntervalMs;
  const timeout = typeof pollTimeoutMs === "number" ? pollTimeoutMs : settings.pollTimeoutMs;
  return {
    passThrough,
    wait: {
      ...(interval ? { pollIntervalMs: interval } : {}),
      ...(timeout ? { pollTimeoutMs: timeout } : {}),
    },
  };
}

function vendorDefinitionOf(sdk: VendorModule): VendorDefinition {
  for (const [name, value] of Object.entries(sdk)) {
    const v = value as Partial<VendorDefinition> | null;
    if (name.endsWith("Vendor") && typeof v === "object" && v && typeof v.id === "string" && v.hosts) {
      return v as VendorDefinition;
    }
  }
  throw new TypeError(
    'createGenProvider: pass a generated vendor package (import * as sdk from "@gen/<vendor>")',
  );
}

function factoryOf(sdk: VendorModule, vendor: string): (options: Record<string, unknown>) => GenClientLike {
  const name = Object.keys(sdk).find((key) => key.toLowerCase() === `create${vendor}`);
  const factory = name ? sdk[name] : undefined;
  if (typeof factory !== "function")
    throw new TypeError(`createGenProvider: the ${vendor} package has no create function`);
  return factory as (options: Record<string, unknown>) => GenClientLike;
}

function noSuch(vendor: string, kind: "image" | "video", modelId: string, sdk: VendorModule): string {
  const known = mediaOperations(sdk, kind).map((op) => op.id);
  return `No ${vendor} ${kind} model "${modelId}". Known: ${known.join(", ") || "none"}`;
}
