import type { SharedV3Warning } from "@ai-sdk/provider";
import type { CallOptions } from "@gen/runtime";
import type { VideoStarter } from "./gen-video-model.js";
import type { CommonSettings } from "./map-settings.js";
import type { GenClientLike } from "./vendor-sdk.js";

interface ImaLike {
  resolveModel(taskType: string, model?: string): unknown;
  [flow: string]: unknown;
}

/**
 * IMA's quirk: a video model is a model *name* (`wan-2.6`, `Kling O1`), and the package's own flow
 * (`textToVideo`, `imageToVideo`, ...) picks product, version, credit rule and body. The flow is
 * chosen from the inputs: last frame -> first/last frame, an image -> image to video, reference
 * images only -> reference images, none -> text to video.
 */
export function imaVideoStarter(modelId: string): VideoStarter {
  return {
    name: `video(${modelId})`,
    urlPaths: ["medias.*.url"],
    start(client: GenClientLike, s: CommonSettings, passThrough: Record<string, unknown>) {
      const ima = client as unknown as ImaLike;
      const images = [...(s.images ?? [])];
      const [taskType, method] = s.lastFrame
        ? ["first_last_frame_to_video", "firstLastFrameToVideo"]
        : images.length > 0
          ? ["image_to_video", "imageToVideo"]
          : ["text_to_video", "textToVideo"];
      if (s.lastFrame) images.splice(1, images.length, s.lastFrame);
      const warnings: SharedV3Warning[] = [];
      for (const [feature, value] of [
        ["resolution", s.size],
        ["fps", s.fps],
        ["seed", s.seed],
      ] as const) {
        if (value !== undefined)
          warnings.push({ type: "unsupported", feature, details: "pass it in providerOptions.ima" });
      }
      const request = {
        model: modelName(ima, taskType, modelId),
        prompt: s.prompt ?? "",
        ...(images.length ? { images } : {}),
        ...(s.duration !== undefined ? { duration: s.duration } : {}),
        ...(s.aspectRatio !== undefined ? { aspect_ratio: s.aspectRatio } : {}),
        ...(s.generateAudio !== undefined ? { generate_audio: s.generateAudio } : {}),
        ...passThrough,
      };
      const flow = ima[method] as (r: unknown, o?: CallOptions) => Promise<unknown>;
      return { warnings, run: (call) => flow.call(ima, request, call) };
    },
  };
}

/** The name as given when the table knows it, else without dashes (`wan-2.6` -> `wan2.6`) when that is known. */
function modelName(ima: ImaLike, taskType: string, modelId: string): string {
  const known = (name: string) => {
    try {
      return (ima.resolveModel(taskType, name) as { name?: string }).name !== undefined;
    } catch {
      return true; // known, but refused for this task type: let the flow say so
    }
  };
  const squashed = modelId.replace(/-/g, "");
  return known(modelId) || !known(squashed) ? modelId : squashed;
}
