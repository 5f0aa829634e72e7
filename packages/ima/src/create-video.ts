import {
  type CallOptions,
  InvalidRequestError,
  isGenError,
  type Task,
  type VendorClient,
} from "@gen/runtime";
import { buildCreateBody } from "./build-create-body.js";
import { type Degradation, degradeParams } from "./degrade-params.js";
import { imaAlternatives } from "./ima-alternatives.js";
import { withImaWording } from "./ima-error-wording.js";
import { type ImaCreateReport, type ImaVideoTask, imaVideoTask } from "./ima-video-task.js";
import type { ImaModelTable, VideoTaskType } from "./model-table.js";
import { createTaskOperation, getTaskDetailOperation, listProductsOperation } from "./operations.gen.js";
import { pickVersion } from "./pick-version.js";
import { checkImageCount, prepareImages } from "./prepare-images.js";
import type { ProductCache } from "./product-cache.js";
import type { ProductNode, ProductVersion } from "./product-types.js";
import { type ResolvedModel, resolveModel } from "./resolve-model.js";
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
/** Automatic retries of a refused create, as the vendor's client ("3 automatic retries"). */
export const IMA_MAX_RETRIES = 3;

const squash = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_]+/g, "");

/** What a video request resolves to before anything is paid: model, version, priced body. */
interface VideoPlan {
  resolved: ResolvedModel;
  pin: string | undefined;
  leaf: ProductVersion;
  products: () => Promise<ProductNode[]>;
}

/** Resolves the model (names, aliases, "cheapest" / "best") and its live product version. */
async function planVideo(
  deps: CreateVideoDeps,
  taskType: VideoTaskType,
  model: string | undefined,
  version: string | undefined,
  call: CallOptions,
): Promise<VideoPlan> {
  const products = () =>
    deps.cache.get(taskType, async () => {
      const tree = await deps.runtime.invoke(
        listProductsOperation,
        { app: "ima", platform: "web", category: taskType },
        call,
      );
      return (Array.isArray(tree) ? tree : []) as ProductNode[];
    });
  const { cheapest, best } = deps.models.choices ?? {};
  const wanted = model === undefined ? undefined : squash(model);
  if (wanted && cheapest?.aliases.some((a) => squash(a) === wanted)) {
    const leaf = cheapestLeaf(versionLeaves(await products()));
    if (!leaf) throw noProducts(taskType);
    const named = deps.models.models.find((m) => m.ids[taskType] === leaf.model_id);
    const resolved = named
      ? resolveModel(deps.models, taskType, leaf.model_id)
      : { modelId: leaf.model_id, name: leaf.name };
    return { resolved, pin: String(leaf.id), leaf, products };
  }
  const asked = wanted && best?.aliases.some((a) => squash(a) === wanted) ? best.model : model;
  const resolved = resolveModel(deps.models, taskType, asked);
  const pin = version ?? resolved.version;
  const leaf = pickVersion(versionLeaves(await products()), resolved.modelId, pin);
  return { resolved, pin, leaf, products };
}

/** The version whose cheapest credit rule costs least (first on a tie). */
function cheapestLeaf(leaves: readonly ProductVersion[]): ProductVersion | undefined {
  const cost = (leaf: ProductVersion) =>
    Math.min(...(leaf.credit_rules ?? []).map((r) => Number(r.points)).filter(Number.isFinite));
  return [...leaves].filter((l) => Number.isFinite(cost(l))).sort((a, b) => cost(a) - cost(b))[0];
}

function noProducts(taskType: string) {
  return InvalidRequestError.fromIssues([
    {
      field: "model",
      rule: "available",
      message: `the product list offers no priced version for ${taskType}`,
    },
  ]);
}

function checkRequest(taskType: VideoTaskType, request: VideoRequest) {
  const { prompt, images = [] } = request ?? ({} as VideoRequest);
  if (typeof prompt !== "string" || prompt.trim() === "") {
    throw InvalidRequestError.fromIssues([
      { field: "prompt", rule: "required", message: "must be a non-empty string" },
    ]);
  }
  if (!Array.isArray(images)) {
    throw InvalidRequestError.fromIssues([{ field: "images", rule: "type", message: "must be an array" }]);
  }
  checkImageCount(createTaskOperation, taskType, images);
}

/** The credit cost of a video request, before anything is created (nothing is uploaded or paid). */
export interface ImaCostEstimate {
  model: { id: string; name: string; version: string };
  /** Credits the create would be charged (the chosen credit rule's points). */
  points: number;
  attributeId: number | string;
  /** How the credit rule was chosen (`exact`, `partial`, `default`, `first`). */
  match: string;
  /** The model's estimated generation time, ms, when known. */
  estimatedMs?: readonly [number, number];
}

/**
 * Price a video request the way `createVideo` would send it: same model resolution, live product
 * list (a free read, cached) and credit rule. Local image paths are not uploaded: only their count
 * matters to the price.
 */
export async function estimateVideoCost(
  deps: CreateVideoDeps,
  taskType: VideoTaskType,
  request: VideoRequest,
  options: CallOptions = {},
): Promise<ImaCostEstimate> {
  checkRequest(taskType, request);
  const { model, version, prompt, images = [], ...params } = request;
  const { degradeOnServerError: _d, onDegrade: _o, ...call } = options as VideoCallOptions;
  const plan = await planVideo(deps, taskType, model, version, call);
  const built = buildCreateBody({ taskType, version: plan.leaf, prompt, images: [...images], params });
  return {
    model: { id: plan.leaf.model_id, name: plan.leaf.name, version: String(plan.leaf.id) },
    points: Number(built.credit.rule.points),
    attributeId: built.credit.rule.attribute_id,
    match: built.credit.match,
    ...(plan.resolved.estimatedMs ? { estimatedMs: plan.resolved.estimatedMs } : {}),
  };
}

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
  checkRequest(taskType, request);
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
