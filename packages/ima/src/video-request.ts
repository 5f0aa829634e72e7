import { type CallOptions, InvalidRequestError, type VendorClient } from "@gen/runtime";
import type { Degradation } from "./degrade-params.js";
import type { ImaModelTable, VideoTaskType } from "./model-table.js";
import { createTaskOperation } from "./operations.gen.js";
import { checkImageCount } from "./prepare-images.js";
import type { ProductCache } from "./product-cache.js";

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

/** Refuses a request without a prompt or with bad images, before any request. */
export function checkVideoRequest(taskType: VideoTaskType, request: VideoRequest): void {
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
