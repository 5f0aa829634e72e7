import { applyRules, type EntryPoint, type InputIssue, isGenError, type JsonSchema } from "@gen/runtime";
import { imaModels } from "./constants.gen.js";
import type { ImaModelTable } from "./model-table.js";
import { createTaskOperation } from "./operations.gen.js";
import { resolveModel } from "./resolve-model.js";

/**
 * IMA's video flows (`createIma().textToVideo` ...) as `gen` CLI entry points, named in this
 * package's manifest: `gen call ima text_to_video --set model=... --set prompt=...`.
 */
export const imaEntryPoints: readonly EntryPoint[] = [
  videoFlow("text_to_video", "textToVideo", "Text to video", 0),
  videoFlow("image_to_video", "imageToVideo", "One image becomes the first frame", 1),
  videoFlow("first_last_frame_to_video", "firstLastFrameToVideo", "Two images: first and last frame", 2),
  videoFlow("reference_image_to_video", "referenceImageToVideo", "One or more reference images", 1),
];

function videoFlow(name: string, method: string, description: string, minImages: number): EntryPoint {
  return {
    name,
    method,
    description,
    estimate(client, input) {
      const estimateCost = client["estimateCost"];
      if (typeof estimateCost !== "function") throw new Error("@gen/ima has no estimateCost()");
      return (estimateCost as (t: string, i: unknown) => Promise<unknown>).call(client, name, input);
    },
    schema() {
      const table: ImaModelTable = imaModels;
      const models = table.models.filter((m) => m.ids[name]).map((m) => m.name);
      const model: JsonSchema = {
        type: "string",
        description: `model name, alias or id${models.length ? ` (${models.join(", ")})` : ""}`,
      };
      const fallback = table.defaults[name];
      if (fallback) model.default = fallback;
      const images: JsonSchema = {
        type: "array",
        items: { type: "string" },
        description: "https URLs or local files (uploaded first)",
      };
      if (minImages > 0) images.minItems = minImages;
      if (minImages === 2) images.maxItems = 2;
      return {
        type: "object",
        properties: {
          prompt: { type: "string", minLength: 1 },
          model,
          version: { type: "string", description: "pin a product version (e.g. V5.5)" },
          ...(minImages > 0 ? { images } : {}),
          duration: { type: "number", description: "seconds" },
          resolution: { type: "string" },
          aspect_ratio: { type: "string" },
          n: { type: "integer", minimum: 1 },
        },
        required: minImages > 0 ? ["prompt", "images"] : ["prompt"],
        additionalProperties: true,
      };
    },
    validate: (_module, input) => checkVideoRequest(name, input),
  };
}

/**
 * What the video methods check before any request: a prompt, and the image count rules of the
 * create operation (`src_img_url` per task type), applied to `images` by the runtime's rule engine.
 */
function checkVideoRequest(taskType: string, input: unknown): InputIssue[] {
  const given = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  const issues: InputIssue[] = [];
  if (typeof given.prompt !== "string" || given.prompt.trim() === "") {
    issues.push({ field: "prompt", rule: "required", message: "must be a non-empty string" });
  }
  const rules = (createTaskOperation.rules ?? [])
    .filter((r) => r.rule === "count" && r.field === "src_img_url")
    .map((r) => ({ ...r, field: "images" }));
  collect(issues, () => applyRules({ task_type: taskType, images: given.images ?? [] }, rules, "ima"));
  if (given.model !== undefined && typeof given.model !== "string") {
    issues.push({ field: "model", rule: "type", message: "must be a string (a model name, alias or id)" });
  } else {
    collect(issues, () => resolveModel(imaModels, taskType, given.model as string | undefined));
  }
  return issues;
}

/** Runs a check that throws the runtime's typed input errors; adds their issues. */
function collect(issues: InputIssue[], check: () => unknown): void {
  try {
    check();
  } catch (error) {
    if (!isGenError(error)) throw error;
    issues.push(...((error as { issues?: InputIssue[] }).issues ?? []));
  }
}
