import { InvalidResponseError } from "@gen/runtime";

/** Content types under which a result host may serve a diagram file whose bytes are then checked. */
export const GENERIC_TYPES = ["application/octet-stream", "binary/octet-stream"] as const;

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Whether `head` (a file's first bytes) is what the extension says: the PNG signature, or SVG markup. */
export function bytesMatch(format: "png" | "svg", head: Uint8Array): boolean {
  if (format === "png") return PNG_MAGIC.every((b, i) => head[i] === b);
  const text = new TextDecoder("utf-8", { fatal: false }).decode(head).replace(/^\uFEFF/, "");
  // Prolog, comments and a doctype may come first; the root element must be <svg.
  const rest = text.replace(/^(\s+|<\?xml[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*/i, "");
  return /^<svg[\s>]/i.test(rest);
}

/**
 * A file served as `application/octet-stream` is kept only when its bytes are what its extension
 * says (the vendor's script saves whatever arrives; we save it too, but never an HTML error page
 * under a `.png` name). On a mismatch the file is removed and an `InvalidResponseError` says why.
 */
export async function checkSniffedFile(
  format: "png" | "svg",
  path: string,
  contentType: string,
): Promise<void> {
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (!(GENERIC_TYPES as readonly string[]).includes(type)) return;
  const { open, rm } = await import("node:fs/promises");
  const file = await open(path, "r");
  const head = new Uint8Array(1024);
  let read = 0;
  try {
    read = (await file.read(head, 0, head.length, 0)).bytesRead;
  } finally {
    await file.close();
  }
  if (bytesMatch(format, head.subarray(0, read))) return;
  await rm(path, { force: true });
  throw new InvalidResponseError(
    `EdrawMax ${format} file was served as ${type} and its bytes are not a ${format.toUpperCase()}`,
    { vendor: "edrawmax", raw: new TextDecoder().decode(head.subarray(0, Math.min(read, 200))) },
  );
}
