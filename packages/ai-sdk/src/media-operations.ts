import { moduleOperations, type OperationDefinition } from "@gen/runtime";
import type { VendorModule } from "./vendor-sdk.js";

export type MediaKind = "image" | "video";

const VIDEO = /t2v|i2v|v2v|tovideo|2video|videocontinuation/;
const IMAGE = /t2i|i2i|toimage|2img|redrawing|2mask/;

const squash = (name: string) => name.toLowerCase().replace(/[\s_\-./()]/g, "");

/**
 * What a task operation makes, read from its names (`t2iImagen4`, `tm_text2video_b`): the catalogs
 * carry no media type yet, and every vendor so far names its operations this way.
 */
export function mediaKindOf(op: OperationDefinition): MediaKind | undefined {
  if (op.kind !== "create") return undefined;
  const names = [op.id, op.name, ...(op.aliases ?? [])].map(squash).join(" ");
  if (VIDEO.test(names)) return "video";
  if (IMAGE.test(names)) return "image";
  return undefined;
}

/** The operations of a package that make `kind`. */
export function mediaOperations(module: VendorModule, kind: MediaKind): OperationDefinition[] {
  return moduleOperations(module).filter((op) => mediaKindOf(op) === kind);
}

/** The operation a model id names: its id, vendor name or an alias (case, spaces, `-`, `_` ignored). */
export function findMediaOperation(
  module: VendorModule,
  kind: MediaKind,
  modelId: string,
): OperationDefinition | undefined {
  const key = squash(modelId);
  return mediaOperations(module, kind).find((op) =>
    [op.id, op.name, ...(op.aliases ?? [])].some((n) => squash(n) === key),
  );
}
