import type { ImageModelV3, ImageModelV3CallOptions, ImageModelV3File } from "@ai-sdk/provider";
import { UnsupportedFunctionalityError } from "@ai-sdk/provider";
import type { OperationDefinition } from "@gen/runtime";
import { findResultUrls } from "@gen/runtime";
import { fetchAll } from "./fetch-all.js";
import { mapSettings } from "./map-settings.js";
import type { ProviderContext } from "./provider-context.js";
import { runGeneration } from "./run-generation.js";
import { inputFields } from "./vendor-sdk.js";

/**
 * An AI SDK image model (spec v3) over one image operation. The SDK's settings go to the
 * operation's own fields (warnings for the rest), `providerOptions.<vendor>` passes any field
 * through, the task is awaited by the runtime's waiter, and the images are fetched through the
 * vendor's host policy (the spec returns bytes).
 */
export function genImageModel(ctx: ProviderContext, op: OperationDefinition, modelId: string): ImageModelV3 {
  const fields = inputFields(op, ctx.module);
  const countValues = (
    ["counts", "count", "n", "num_images"].map((n) => fields[n]?.enum).find(Boolean) ?? []
  ).map(Number);
  return {
    specificationVersion: "v3",
    provider: `gen.${ctx.vendor}`,
    modelId,
    maxImagesPerCall: countValues.length ? Math.max(...countValues) : 1,
    async doGenerate(options: ImageModelV3CallOptions) {
      const { passThrough, wait } = ctx.providerOptions(options.providerOptions);
      const { input, warnings } = mapSettings(fields, {
        prompt: options.prompt,
        n: options.n,
        aspectRatio: options.aspectRatio,
        size: options.size,
        seed: options.seed,
        images: options.files?.map((f) => urlOf(f, "files")),
        mask: options.mask && urlOf(options.mask, "mask"),
      });
      const client = ctx.client();
      const generation = await runGeneration(
        (call) => client.call(op.id, { ...input, ...passThrough }, call),
        (result) => findResultUrls(result, ctx.urlPaths(op)),
        {
          ...wait,
          abortSignal: options.abortSignal,
          headers: options.headers,
          url: `${ctx.vendor}:${op.id}`,
        },
      );
      const images = (await fetchAll(client, generation.urls, "image/", options.abortSignal)).map(
        (f) => f.data,
      );
      return {
        images,
        warnings,
        providerMetadata: {
          [ctx.vendor]: {
            images: generation.urls.map((url) => ({ url })),
            ...(generation.handle ? { taskHandle: { ...generation.handle } } : {}),
          },
        },
        response: { timestamp: new Date(), modelId, headers: undefined },
      };
    },
  };
}

/** Input images must be URLs: the operations take links, and bytes would need an upload host. */
export function urlOf(file: ImageModelV3File, setting: string): string {
  if (file.type === "url") return file.url;
  throw new UnsupportedFunctionalityError({
    functionality: `${setting} as bytes (pass image URLs: { type: "url", url })`,
  });
}
