import { InvalidResponseError } from "@gen/runtime";
import type { VideoTaskType } from "./model-table.js";
import { pixverseModel } from "./pixverse-model.js";
import type { CreditRule, ProductVersion } from "./product-types.js";
import { resolveFormParams } from "./resolve-form-params.js";
import { isDefaultRule, type SelectedCreditRule, selectCreditRule } from "./select-credit-rule.js";

export interface CreateBodyInput {
  /** `text_to_video`, `image_to_video`, ... (also the product category). */
  taskType: VideoTaskType;
  /** The version leaf from the live product list. */
  version: ProductVersion;
  prompt: string;
  /** Public https URLs of the input images (already uploaded). */
  images?: readonly string[];
  /** Caller parameters (duration, resolution, ...); they win over form defaults. */
  params?: Readonly<Record<string, unknown>>;
}

/** The inner `parameters[0].parameters` object. */
export interface CreateInnerParams extends Record<string, unknown> {
  prompt: string;
  n: number;
  input_images: string[];
  cast: { points: number; attribute_id: number | string };
}

/** The `POST /open/v1/tasks/create` body. */
export interface CreateBody {
  task_type: VideoTaskType;
  enable_multi_model: false;
  src_img_url: string[];
  parameters: [
    {
      attribute_id: number | string;
      model_id: string;
      model_name: string;
      model_version: string | number;
      app: "ima";
      platform: "web";
      category: VideoTaskType;
      credit: number;
      parameters: CreateInnerParams;
    },
  ];
}

export interface BuiltCreateBody {
  body: CreateBody;
  credit: SelectedCreditRule;
}

function ruleAttributes(rule: CreditRule): Record<string, unknown> {
  if (isDefaultRule(rule)) return {};
  return { ...(rule.attributes ?? {}) };
}

/**
 * Build the create body from a live product leaf: form defaults (virtual fields mapped), the
 * caller's parameters, the chosen credit rule (its attributes fill only what is missing), the
 * rule's `attribute_id`/`points` mirrored into `credit` and `cast`, `src_img_url` mirrored into
 * `input_images`, and Pixverse's inner `model` when the form lacks it.
 */
export function buildCreateBody(input: CreateBodyInput): BuiltCreateBody {
  const { version, taskType } = input;
  const images = [...(input.images ?? [])];
  const params = resolveFormParams(version.form_config, input.params ?? {});
  const credit = selectCreditRule(version.credit_rules, params);
  if (!credit) {
    throw new InvalidResponseError(
      `IMA product "${version.name}" (${version.model_id}) lists no credit rules; cannot price the task`,
      { vendor: "ima" },
    );
  }
  const { attribute_id, points } = credit.rule;
  const inner: Record<string, unknown> = { ...ruleAttributes(credit.rule), ...params };
  const model = inner["model"] === undefined ? pixverseModel(version.model_id, version.name) : undefined;
  if (model !== undefined) inner["model"] = model;
  const parameters: CreateInnerParams = {
    ...inner,
    prompt: input.prompt,
    n: Number(inner["n"] ?? 1),
    input_images: images,
    cast: { points, attribute_id },
  };
  return {
    credit,
    body: {
      task_type: taskType,
      enable_multi_model: false,
      src_img_url: images,
      parameters: [
        {
          attribute_id,
          model_id: version.model_id,
          model_name: version.name,
          model_version: version.id,
          app: "ima",
          platform: "web",
          category: taskType,
          credit: points,
          parameters,
        },
      ],
    },
  };
}
