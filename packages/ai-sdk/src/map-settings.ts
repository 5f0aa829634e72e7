import type { SharedV3Warning } from "@ai-sdk/provider";
import type { FieldInfo } from "./vendor-sdk.js";

/** The AI SDK's common settings, normalised across image and video calls (images as URLs). */
export interface CommonSettings {
  prompt?: string | undefined;
  n?: number | undefined;
  aspectRatio?: string | undefined;
  /** `WxH`: an image's size or a video's resolution. */
  size?: string | undefined;
  duration?: number | undefined;
  fps?: number | undefined;
  seed?: number | undefined;
  generateAudio?: boolean | undefined;
  /** Input images (first frame for video), as URLs. */
  images?: readonly string[] | undefined;
  lastFrame?: string | undefined;
  mask?: string | undefined;
}

/** Where each setting may go, most likely field first. */
const FIELDS = {
  aspectRatio: ["aspect_ratio", "ratio", "size", "aspectRatio"],
  n: ["n", "counts", "count", "batch_size", "num_images", "qty"],
  image: ["image", "init_image", "reference_image", "image_url", "first_frame"],
  images: ["images", "image_urls", "reference_images"],
  lastFrame: ["image_tail", "last_frame", "tail_image"],
  mask: ["mask_url", "mask"],
} as const;

/**
 * Maps the SDK's settings onto an operation's own fields where one accepts the value (checked
 * against its enum), and returns a warning for each setting it cannot honour.
 */
export function mapSettings(
  fields: Record<string, FieldInfo>,
  s: CommonSettings,
): { input: Record<string, unknown>; warnings: SharedV3Warning[] } {
  const input: Record<string, unknown> = {};
  const warnings: SharedV3Warning[] = [];
  const unsupported = (feature: string, details?: string) =>
    warnings.push({ type: "unsupported", feature, ...(details ? { details } : {}) });
  const put = (names: readonly string[], value: unknown): boolean => {
    for (const name of names) {
      const field = fields[name];
      const accepted = field && acceptValue(field, value);
      if (accepted !== undefined) {
        input[name] = accepted;
        return true;
      }
    }
    return false;
  };
  if (s.prompt !== undefined && !put(["prompt"], s.prompt)) unsupported("prompt");
  if (s.aspectRatio !== undefined && !put(FIELDS.aspectRatio, s.aspectRatio))
    unsupported("aspectRatio", `this operation accepts ${allowed(fields, FIELDS.aspectRatio)}`);
  if (s.n !== undefined && s.n > 1 && !put(FIELDS.n, s.n)) unsupported("n", "one result per call");
  if (s.size !== undefined && !putSize(fields, input, s.size))
    unsupported("size", `accepted: ${allowed(fields, ["size", "resolution"])}`);
  if (s.duration !== undefined && !put(["duration"], s.duration))
    unsupported("duration", `accepted: ${allowed(fields, ["duration"])}`);
  if (s.fps !== undefined && !put(["fps", "frame_rate"], s.fps)) unsupported("fps");
  if (s.seed !== undefined && !put(["seed"], s.seed)) unsupported("seed");
  if (s.generateAudio !== undefined && !put(["generate_audio", "audio"], s.generateAudio))
    unsupported("generateAudio");
  const images = s.images ?? [];
  if (
    images.length > 0 &&
    !put(FIELDS.images, images) &&
    !(images.length === 1 && put(FIELDS.image, images[0]))
  )
    unsupported("image input", "this operation takes no (or fewer) input images");
  if (s.lastFrame !== undefined && !put(FIELDS.lastFrame, s.lastFrame))
    unsupported("frameImages (last frame)");
  if (s.mask !== undefined && !put(FIELDS.mask, s.mask)) unsupported("mask");
  return { input, warnings };
}

/** The value as the field wants it (`5` -> `"5s"`, `true` -> `"True"`), or undefined when refused. */
function acceptValue(field: FieldInfo, value: unknown): unknown {
  if (field.enum) {
    const candidates = [value, String(value), `${value}s`, capitalise(String(value))];
    return candidates.find((c) => field.enum?.includes(c));
  }
  if (field.type === "array") return Array.isArray(value) ? value : [value];
  if (field.type === "number" || field.type === "int") return typeof value === "number" ? value : undefined;
  if (field.type === "boolean") return typeof value === "boolean" ? value : undefined;
  if (field.type === "string") return typeof value === "string" ? value : undefined;
  return undefined;
}

/** `1280x720` -> a `size`/`resolution` enum value (`1280x720`, `720P`, `720p`) or `width`+`height`. */
function putSize(fields: Record<string, FieldInfo>, input: Record<string, unknown>, size: string): boolean {
  const [w, h] = size.split("x").map(Number);
  for (const name of ["size", "resolution"]) {
    const value = fields[name]?.enum?.find((v) => [size, `${h}P`, `${h}p`].includes(String(v)));
    if (value !== undefined) {
      input[name] = value;
      return true;
    }
  }
  if (fields.width?.type === "number" && fields.height?.type === "number") {
    Object.assign(input, { width: w, height: h });
    return true;
  }
  return false;
}

function allowed(fields: Record<string, FieldInfo>, names: readonly string[]): string {
  const values = names.flatMap((n) => (fields[n]?.enum ?? []).map(String));
  return values.length ? values.join(", ") : "no such setting";
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
