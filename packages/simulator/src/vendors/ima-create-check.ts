import type { ImaSimLeaf, ImaSimOptions } from "./ima-products.js";
import { imaSimLeaf } from "./ima-products.js";

/** Why the simulated backend refuses a create: a vendor code and message. */
export interface ImaRefusal {
  code: number;
  message: string;
}

const norm = (v: unknown): string => {
  if (typeof v === "boolean") return String(v);
  const s = String(v ?? "").trim();
  return /^(true|false)$/i.test(s) ? s.toLowerCase() : s.toUpperCase();
};

const isDefault = (attrs: Record<string, unknown>) => norm(attrs["default"]) === "ENABLED";

function fullyMatches(attrs: Record<string, unknown>, params: Record<string, unknown>): boolean {
  const lower = new Map(Object.entries(params).map(([k, v]) => [k.toLowerCase(), norm(v)]));
  return Object.entries(attrs).every(([k, v]) => lower.get(k.toLowerCase()) === norm(v));
}

const IMAGE_COUNTS: Record<string, [number, number]> = {
  text_to_video: [0, 0],
  image_to_video: [1, 1],
  first_last_frame_to_video: [2, 2],
  reference_image_to_video: [1, 9],
};

/**
 * The backend's checks of a create body, in the vendor's order: shape and prompt nesting (400),
 * image counts and mirroring (400), model version (400), Pixverse `model` (400017), the rule the
 * parameters calculate to (6009 none, 6010 other attribute id), credit and cast (6006), and the
 * 500 some models answer for parameters they cannot serve. `undefined` when accepted.
 */
export function checkImaCreate(
  body: unknown,
  options: ImaSimOptions,
  uploaded: (url: string) => boolean,
): { refusal?: ImaRefusal; leaf?: ImaSimLeaf; n: number } {
  const refuse = (code: number, message: string) => ({ refusal: { code, message }, n: 0 });
  const b = (body ?? {}) as Record<string, unknown>;
  const p = (Array.isArray(b["parameters"]) ? b["parameters"][0] : undefined) as
    | Record<string, unknown>
    | undefined;
  const inner = (p?.["parameters"] ?? undefined) as Record<string, unknown> | undefined;
  const taskType = String(b["task_type"] ?? "");
  const counts = IMAGE_COUNTS[taskType];
  if (!p || !inner || !counts)
    return refuse(400, "parameters[0].parameters and a known task_type are required");
  if (typeof inner["prompt"] !== "string" || !inner["prompt"])
    return refuse(400, "prompt must be in parameters[].parameters");
  if (p["category"] !== taskType) return refuse(400, "category must equal task_type");
  const src = Array.isArray(b["src_img_url"]) ? (b["src_img_url"] as unknown[]) : [];
  const mirror = Array.isArray(inner["input_images"]) ? (inner["input_images"] as unknown[]) : [];
  if (JSON.stringify(src) !== JSON.stringify(mirror))
    return refuse(400, "input_images must mirror src_img_url");
  if (src.length < counts[0] || src.length > counts[1])
    return refuse(400, `${taskType} takes ${counts.join("-")} images`);
  if (src.some((u) => typeof u !== "string" || !u.startsWith("https://") || !uploaded(u))) {
    return refuse(400, "input image not reachable");
  }
  const leaf = imaSimLeaf(taskType, String(p["model_version"] ?? ""), options);
  if (!leaf || leaf.model_id !== p["model_id"] || leaf.name !== p["model_name"])
    return refuse(400, "model not found");
  if (leaf.requiresModel && norm(inner["model"]) !== norm(leaf.requiresModel)) {
    return refuse(400017, "Invalid value for model");
  }
  const rules = leaf.credit_rules;
  const calculated =
    rules.find((r) => !isDefault(r.attributes) && fullyMatches(r.attributes, inner)) ??
    rules.find((r) => isDefault(r.attributes));
  if (!calculated) return refuse(6009, "No matching credit rule");
  if (String(calculated.attribute_id) !== String(p["attribute_id"])) {
    return refuse(6010, "Attribute ID does not match the calculated rule");
  }
  const cast = (inner["cast"] ?? {}) as Record<string, unknown>;
  if (
    Number(p["credit"]) !== calculated.points ||
    Number(cast["points"]) !== calculated.points ||
    String(cast["attribute_id"]) !== String(calculated.attribute_id)
  ) {
    return refuse(6006, "credit does not equal the rule's points");
  }
  if (leaf.rejects?.includes(norm(inner["resolution"])))
    return refuse(500, "Internal error, rejected parameters");
  const n = Number(inner["n"] ?? 1);
  return { leaf, n: Number.isInteger(n) && n > 0 ? Math.min(n, 4) : 1 };
}
