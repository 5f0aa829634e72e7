import { isGenError, type Task } from "@gen/runtime";
import { buildCreateBody } from "./build-create-body.js";
import { type Degradation, degradeParams } from "./degrade-params.js";
import { imaAlternatives } from "./ima-alternatives.js";
import { withImaWording } from "./ima-error-wording.js";
import { type ImaCreateReport, type ImaVideoTask, imaVideoTask } from "./ima-video-task.js";
import type { VideoTaskType } from "./model-table.js";
import { createTaskOperation, getTaskDetailOperation } from "./operations.gen.js";
import { pickVersion } from "./pick-version.js";
import { planVideo, type VideoPlan } from "./plan-video.js";
import { prepareImages } from "./prepare-images.js";
import { versionLeaves } from "./version-leaves.js";
import {
  type CreateVideoDeps,
  checkVideoRequest,
  type VideoCallOptions,
  type VideoRequest,
} from "./video-request.js";

const RECOVERABLE = new Set(["6009", "6010"]);
const STALE_PRODUCTS = new Set(["6006", "6009", "6010"]);
/** Automatic retries of a refused create, as the vendor's client ("3 automatic retries"). */
export const IMA_MAX_RETRIES = 3;

/**
 * Create a video task right the first time: resolve the model, read the live product list
 * (cached), check and upload images, build the priced body and create. Like the vendor's client,
 * a refused create is retried up to `IMA_MAX_RETRIES` times: 6009/6010 re-fetch the products and
 * re-select the rule; 500 lowers resolution, then duration, only when opted in (it changes what
 * the user gets). The vendor refused those creates (nothing was charged), so resubmitting is safe.
 * Errors carry the vendor's reason in `message` and its wording plus alternatives in `userMessage`.
 */
export async function createVideo(
  deps: CreateVideoDeps,
  taskType: VideoTaskType,
  request: VideoRequest,
  options: VideoCallOptions = {},
): Promise<ImaVideoTask> {
  checkVideoRequest(taskType, request);
  const { model, version, prompt, images = [], ...params } = request;
  const { degradeOnServerError, onDegrade, ...call } = options;
  const language = deps.runtime.options.language;
  let plan: VideoPlan;
  try {
    plan = await planVideo(deps, taskType, model, version, call);
  } catch (error) {
    throw withImaWording(error, language);
  }
  const { resolved, pin, products } = plan;
  let leaf = plan.leaf;
  const urls = await prepareImages(images, deps.upload);
  let userParams: Record<string, unknown> = params;
  const degraded: Degradation[] = [];
  let recoveredFrom: string | undefined;
  let retries = 0;
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
      return imaVideoTask(
        deps.runtime,
        getTaskDetailOperation,
        created.handle,
        resolved.estimatedMs,
        report,
        deps.models,
      );
    } catch (error) {
      const code = isGenError(error) ? error.code : undefined;
      if (code && STALE_PRODUCTS.has(code)) deps.cache.invalidate(taskType);
      const canRetry = retries < IMA_MAX_RETRIES;
      if (code && RECOVERABLE.has(code) && canRetry) {
        retries++;
        recoveredFrom ??= code;
        leaf = pickVersion(versionLeaves(await products()), resolved.modelId, pin);
        continue;
      }
      const lower =
        code === "500" && degradeOnServerError && canRetry
          ? degradeParams(built.body.parameters[0].parameters, leaf.credit_rules)
          : undefined;
      if (lower) {
        retries++;
        degraded.push(lower.change);
        onDegrade?.(lower.change);
        userParams = { ...userParams, [lower.change.field]: lower.change.to };
        continue;
      }
      const modelTrouble =
        isGenError(error) &&
        (error.kind === "server_error" ||
          error.kind === "content_rejected" ||
          code === "400017" ||
          code === "6010");
      const alternatives = modelTrouble ? imaAlternatives(deps.models, leaf.name, "failed") : [];
      throw withImaWording(error, language, alternatives);
    }
  }
}
