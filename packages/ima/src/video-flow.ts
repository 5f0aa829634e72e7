import type { VideoFlow, VideoFlowCall, VideoFlowSettings } from "@gen/runtime";
import type { ImaVideoClient } from "./create-ima.js";
import type { VideoTaskType } from "./model-table.js";

/**
 * IMA's video models for front ends such as the AI SDK provider: a model is a model *name*
 * (`wan-2.6`, `Kling O1`), and this package's flows (`textToVideo`, `imageToVideo`,
 * `firstLastFrameToVideo`) pick product, version, credit rule and body. The flow follows the
 * inputs: a last frame -> first/last frame, an image -> image to video, none -> text to video.
 */
export const videoFlow: VideoFlow = {
  urlPaths: ["medias.*.url"],
  plan(client: unknown, modelId: string, s: VideoFlowSettings): VideoFlowCall {
    const images = [...(s.images ?? [])];
    const [taskType, method]: [VideoTaskType, string] = s.lastFrame
      ? ["first_last_frame_to_video", "firstLastFrameToVideo"]
      : images.length > 0
        ? ["image_to_video", "imageToVideo"]
        : ["text_to_video", "textToVideo"];
    if (s.lastFrame) images.splice(1, images.length, s.lastFrame);
    const unsupported = (["size", "fps", "seed"] as const).filter((k) => s[k] !== undefined);
    const input = {
      model: modelName(client as ImaVideoClient, taskType, modelId),
      prompt: s.prompt ?? "",
      ...(images.length ? { images } : {}),
      ...(s.duration !== undefined ? { duration: s.duration } : {}),
      ...(s.aspectRatio !== undefined ? { aspect_ratio: s.aspectRatio } : {}),
      ...(s.generateAudio !== undefined ? { generate_audio: s.generateAudio } : {}),
    };
    return { method, input, unsupported };
  },
};

/** The name as given when the table knows it, else without dashes (`wan-2.6` -> `wan2.6`) when that is known. */
function modelName(ima: ImaVideoClient, taskType: VideoTaskType, modelId: string): string {
  const known = (name: string) => {
    try {
      return ima.resolveModel(taskType, name).name !== undefined;
    } catch {
      return true; // known, but refused for this task type: let the flow say so
    }
  };
  const squashed = modelId.replace(/-/g, "");
  return known(modelId) || !known(squashed) ? modelId : squashed;
}
