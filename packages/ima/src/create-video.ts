import {
  type CallOptions,
  InvalidRequestError,
  isGenError,
  type Task,
  type VendorClient,
} from "@gen/runtime";
import { buildCreateBody } from "./build-create-body.js";
import { type Degradation, degradeParams } from "./degrade-params.js";
import { type ImaCreateReport, type ImaVideoTask, imaVideoTask } from "./ima-video-task.js";
import type { ImaModelTable, VideoTaskType } from "./model-table.js";
import { createTaskOperation, getTaskDetailOperation, listProductsOperation } from "./operations.gen.js";
import { pickVersion } from "./pick-version.js";
import { checkImageCount, prepareImages } from "./prepare-images.js";
import type { ProductCache } from "./product-cache.js";
import type { ProductNode } from "./product-types.js";
import { resolveModel } from "./resolve-model.js";
import { versionLeaves } from "./version-leaves.js";

/** A video request: model by name, alias or id, the prompt, images (https URLs or local files), and parameters. */
export interface VideoRequest {
  /** Name, alias (`可灵`, `Wan`), version name (`Pixverse V5.5`) or model id; default per task type. */
  model?: string;
  /** Pin a product version when several share the model id (`V5.5`, a leaf id or name). */
  version?: string;
  prompt: string;
  /** https URLs or local file paths (uploaded first). */
  images?: readonly string[];
  duration?: number;
  resolution?: string;
  aspect_ratio?: string;
  n?: number;
  /** Any other inner parameter (`negative_prompt`, `mode`, `generate_audio`, ...). */
  [param: string]: unknown;
}

/** Call options of the video methods. */
export interface VideoCallOptions extends CallOptions {
  /**
   * Opt-in: when the vendor answers 500 (rejected parameters), lower resolution then duration
   * one step (as the vendor's client does) and retry; each step is reported.
   */
  degradeOnServerError?: boolean;
  onDegrade?: (change: Degradation) => void;
}

/** What the video methods need from the client. */
export interface CreateVideoDeps {
  runtime: VendorClient;
  cache: ProductCache;
  models: ImaModelTable;
  upload(path: string, field: string): Promise<string>;
}

const RECOVERABLE = new Set(["6009", "6010"]);
const STALE_PRODUCTS = new Set(["6006", "6009", "6010"]);

/**
 * Create a video task right the first time: resolve the model, read the live product list
 * (cached), check and upload images, build the priced body and create. 6009/6010 re-fetch the
 * products and re-select the rule once; 500 degrades parameters only when opted in. The vendor
 * refused those creates (nothing was charged), so resubmitting is safe.
 */
export async function createVideo(
  deps: CreateVideoDeps,
  taskType: VideoTaskType,
  request: VideoRequest,
  options: VideoCallOptions = {},
): Promise<ImaVideoTask> {
  const { model, version, prompt, images = [], ...params } = request ?? ({} as VideoRequest);
  if (typeof prompt !== "string" || prompt.trim() === "") {
    throw InvalidRequestError.fromIssues([
      { field: "prompt", rule: "required", message: "must be a non-empty string" },
    ]);
  }
  if (!Array.isArray(images)) {
    throw InvalidRequestError.fromIssues([{ field: "images", rule: "type", message: "must be an array" }]);
  }
  checkImageCount(createTaskOperation, taskType, images);
  const { degradeOnServerError, onDegrade, ...call } = options;
  const resolved = resolveModel(deps.models, taskType, model);
  const pin = version ?? resolved.version;
  const products = () =>
    deps.cache.get(taskType, async () => {
      const tree = await deps.runtime.invoke(
        listProductsOperation,
        { app: "ima", platform: "web", category: taskType },
        call,
      );
      return (Array.isArray(tree) ? tree : []) as ProductNode[];
    });
  let leaf = pickVersion(versionLeaves(await products()), resolved.modelId, pin);
  const urls = await prepareImages(images, deps.upload);
  let userParams: Record<string, unknown> = params;
  const degraded: Degradation[] = [];
  let recoveredFrom: string | undefined;
  for (;;) {
    const built = buildCreateBody({ taskType, version: leaf, prompt, images: urls, params: userParams });
    try {
      const created = (await deps.runtime.invoke(createTaskOperation, built.body, call)) as Task;
      const report: ImaCreateReport = {
        model: { id: leaf.model_id, name: leaf.name, version: String(leaf.id) },
        credit: {
          attributeId: built.credit.rule.attribute_id,
          points: built.credit.rule.points,
          match: built.credit.match,
        },
        degraded,
        ...(recoveredFrom ? { recoveredFrom } : {}),
      };
      return imaVideoTask(deps.runtime, getTaskDetailOperation, created.handle, resolved.estimatedMs, report);
    } catch (error) {
      const code = isGenError(error) ? error.code : undefined;
      if (code && STALE_PRODUCTS.has(code)) deps.cache.invalidate(taskType);
      if (code && RECOVERABLE.has(code) && recoveredFrom === undefined) {
        recoveredFrom = code;
        leaf = pickVersion(versionLeaves(await products()), resolved.modelId, pin);
        continue;
      }
      const lower =
        code === "500" && degradeOnServerError
          ? degradeParams(built.body.parameters[0].parameters, leaf.credit_rules)
          : undefined;
      if (lower) {
        degraded.push(lower.change);
        onDegrade?.(lower.change);
        userParams = { ...userParams, [lower.change.field]: lower.change.to };
        continue;
      }
      throw error;
    }
  }
}
