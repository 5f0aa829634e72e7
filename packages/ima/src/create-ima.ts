import { type CallOptions, defaultEnv, resolveCredential, type TaskHandle } from "@gen/runtime";
import { createIma as createGeneratedIma, type ImaClient } from "./client.gen.js";
import { imaModels } from "./constants.gen.js";
import { createVideo } from "./create-video.js";
import { estimateVideoCost, type ImaCostEstimate } from "./estimate-video-cost.js";
import { type ImaVideoTask, imaVideoTask } from "./ima-video-task.js";
import type { ImaModelTable, VideoTaskType } from "./model-table.js";
import { getTaskDetailOperation } from "./operations.gen.js";
import { ProductCache } from "./product-cache.js";
import { type ResolvedModel, resolveModel } from "./resolve-model.js";
import { IMA_UPLOAD_APP } from "./upload-app.js";
import { uploadFile } from "./upload-file.js";
import type { ImaOptions } from "./vendor.gen.js";
import type { VideoCallOptions, VideoRequest } from "./video-request.js";

/** Options of {@link createIma}: the generated client's options plus the video flow's. */
export interface ImaVideoOptions extends ImaOptions {
  /** `x_app_language` sent to the vendor and the language of user messages (`en` default, `zh`). */
  language?: string;
  /** How long a fetched product list is reused, ms (default 10 minutes). */
  productTtlMs?: number;
  /** Upload service origin (default: the catalog's credentialed upload host over https). */
  uploadBaseUrl?: string;
  /** The vendor client's public upload app id / key (defaults: the vendor's published constants). */
  uploadAppId?: string;
  uploadAppKey?: string;
  /** Model table (default: `imaModels` from `catalogs/ima/models.yaml`). */
  models?: ImaModelTable;
}

/** The IMA client: generated operations plus the four video flows. */
export interface ImaVideoClient extends Omit<ImaClient, "resume"> {
  /** Text to video: `{ prompt, model?, ...params }`. */
  textToVideo(request: VideoRequest, options?: VideoCallOptions): Promise<ImaVideoTask>;
  /** One image becomes the first frame: `{ prompt, images: [image], model?, ...params }`. */
  imageToVideo(request: VideoRequest, options?: VideoCallOptions): Promise<ImaVideoTask>;
  /** Exactly two images, first and last frame. */
  firstLastFrameToVideo(request: VideoRequest, options?: VideoCallOptions): Promise<ImaVideoTask>;
  /** One or more reference images (appearance, not the first frame). */
  referenceImageToVideo(request: VideoRequest, options?: VideoCallOptions): Promise<ImaVideoTask>;
  /** Resume a video task (waits for every media) from a stored handle or a task id. */
  resume(handle: TaskHandle | string): ImaVideoTask;
  /**
   * The credits a video request would cost, without creating it: same model choice (names,
   * aliases, "cheapest", "best"), live product list and credit rule as the create. Nothing is
   * uploaded or charged.
   */
  estimateCost(
    taskType: VideoTaskType,
    request: VideoRequest,
    options?: CallOptions,
  ): Promise<ImaCostEstimate>;
  /** Which model id a name or alias gives for a task type (no request). */
  resolveModel(taskType: VideoTaskType, model?: string): ResolvedModel;
  /** Drop cached product lists (one category, or all). */
  invalidateProducts(category?: string): void;
}

/**
 * Create an IMA client. Credentials come from `apiKey` or env `IMA_API_KEY`, read at first call.
 * Note: for local files the api key is also sent to the vendor's upload service
 * (imapi.liveme.com), which authenticates with it.
 */
export function createIma(options: ImaVideoOptions = {}): ImaVideoClient {
  const { productTtlMs, uploadBaseUrl, uploadAppId, uploadAppKey, models, ...clientOptions } = options;
  const generated = createGeneratedIma({
    ...clientOptions,
    headers: { x_app_language: clientOptions.language ?? "en", ...clientOptions.headers },
  });
  const cache = new ProductCache(productTtlMs !== undefined ? { ttlMs: productTtlMs } : {});
  const table = models ?? (imaModels as ImaModelTable);
  const deps = {
    get runtime() {
      return generated.runtime;
    },
    cache,
    models: table,
    upload(path: string, field: string) {
      const runtime = generated.runtime;
      const { auth, hosts } = runtime.vendor;
      const credential =
        auth.type === "bearer" ? auth.credential : { option: "apiKey", env: ["IMA_API_KEY"] };
      const apiKey = resolveCredential(
        credential,
        clientOptions as Record<string, unknown>,
        clientOptions.env ?? defaultEnv(),
        "ima",
      );
      return uploadFile(runtime, path, {
        baseUrl: uploadBaseUrl ?? `https://${hosts.credentialed?.[0] ?? hosts.uploads?.[0]}`,
        apiKey,
        appId: uploadAppId ?? IMA_UPLOAD_APP.appId,
        appKey: uploadAppKey ?? IMA_UPLOAD_APP.appKey,
        field,
      });
    },
  };
  const video = (taskType: VideoTaskType) => (request: VideoRequest, callOptions?: VideoCallOptions) =>
    createVideo(deps, taskType, request, callOptions);
  return {
    get runtime() {
      return generated.runtime;
    },
    listProducts: generated.listProducts,
    createTask: generated.createTask,
    getTaskDetail: generated.getTaskDetail,
    call: generated.call,
    download: generated.download,
    downloadBytes: generated.downloadBytes,
    textToVideo: video("text_to_video"),
    imageToVideo: video("image_to_video"),
    firstLastFrameToVideo: video("first_last_frame_to_video"),
    referenceImageToVideo: video("reference_image_to_video"),
    resume(handle) {
      const h: TaskHandle =
        typeof handle === "string"
          ? { vendor: "ima", operation: "createTask", taskId: handle, createdAt: new Date().toISOString() }
          : handle;
      return imaVideoTask(generated.runtime, getTaskDetailOperation, h, undefined, undefined, table);
    },
    estimateCost: (taskType, request, callOptions) => estimateVideoCost(deps, taskType, request, callOptions),
    resolveModel: (taskType, model) => resolveModel(table, taskType, model),
    invalidateProducts: (category) => cache.invalidate(category),
  };
}

/** Default client; reads `IMA_API_KEY` at first call. */
export const ima: ImaVideoClient = /* @__PURE__ */ createIma();
