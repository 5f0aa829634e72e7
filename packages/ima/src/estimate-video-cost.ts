import type { CallOptions } from "@gen/runtime";
import { buildCreateBody } from "./build-create-body.js";
import type { VideoTaskType } from "./model-table.js";
import { planVideo } from "./plan-video.js";
import {
  type CreateVideoDeps,
  checkVideoRequest,
  type VideoCallOptions,
  type VideoRequest,
} from "./video-request.js";

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
  checkVideoRequest(taskType, request);
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
