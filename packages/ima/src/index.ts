export { buildCreateBody, type CreateBody } from "./build-create-body.js";
export { createIma, type ImaVideoClient, type ImaVideoOptions, ima } from "./create-ima.js";
export {
  IMA_MAX_RETRIES,
  type ImaCostEstimate,
  type VideoCallOptions,
  type VideoRequest,
} from "./create-video.js";
export type { Degradation } from "./degrade-params.js";
export { imaAlternatives } from "./ima-alternatives.js";
export { IMA_ERROR_MESSAGES } from "./ima-error-wording.js";
export type { ImaCreateReport, ImaVideoTask } from "./ima-video-task.js";
export * from "./index.gen.js";
export type { ImaMedia, ImaVideoResult } from "./media-task-snapshot.js";
export type { ImaModelTable, VideoTaskType } from "./model-table.js";
export { ProductCache } from "./product-cache.js";
export type { CreditRule, ProductNode, ProductVersion } from "./product-types.js";
export { type ResolvedModel, resolveModel } from "./resolve-model.js";
export { type SelectedCreditRule, selectCreditRule } from "./select-credit-rule.js";
export { UPLOAD_MAX_BYTES } from "./upload-limits.js";
