import type { RawRequest } from "./types.js";

/** How an operation's body goes on the wire when it is not JSON. */
export interface BodyEncoding {
  /**
   * `multipart/form-data`, `application/x-www-form-urlencoded`, raw bytes (`application/octet-stream`,
   * `audio/wav`...), or JSON that is not an object (an array body: sent from `field`).
   */
  encoding: "multipart" | "form" | "binary" | "json";
  /** The request's media type (binary bodies: the `Content-Type` sent). */
  mediaType: string;
  /** Binary and non-object JSON bodies: the input field holding the whole body. */
  field?: string;
}

type Fields = Record<string, unknown>;

function isBytes(value: unknown): value is Blob | Uint8Array | ArrayBuffer {
  return (
    value instanceof Uint8Array ||
    value instanceof ArrayBuffer ||
    (typeof Blob !== "undefined" && value instanceof Blob)
  );
}

function text(value: unknown): string {
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/**
 * Encodes a built request's body object for a non-JSON operation and sets its `content-type`.
 * Multipart uses the platform's `FormData` and `Response` (WHATWG encoding, a fresh random
 * boundary): files (`Blob`, `File`, `Uint8Array`) become file parts, arrays repeated parts, objects
 * JSON text parts. Form bodies use `URLSearchParams` (arrays as repeated keys). Binary bodies send
 * the bytes of `field` as they are.
 */
export async function encodeRequestBody(request: RawRequest, body: BodyEncoding): Promise<RawRequest> {
  const fields = (request.body ?? {}) as Fields;
  const headers = { ...request.headers };
  if (body.encoding === "json") return { ...request, body: body.field ? fields[body.field] : request.body };
  if (body.encoding === "binary") {
    const value = body.field ? fields[body.field] : request.body;
    const bytes =
      value instanceof Uint8Array
        ? value
        : value instanceof ArrayBuffer
          ? new Uint8Array(value)
          : typeof Blob !== "undefined" && value instanceof Blob
            ? new Uint8Array(await value.arrayBuffer())
            : new TextEncoder().encode(text(value ?? ""));
    headers["content-type"] = body.mediaType.includes("*") ? "application/octet-stream" : body.mediaType;
    return { ...request, headers, body: bytes };
  }
  if (body.encoding === "form") {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) {
      if (v === undefined || v === null) continue;
      for (const item of Array.isArray(v) ? v : [v]) params.append(k, text(item));
    }
    headers["content-type"] = "application/x-www-form-urlencoded";
    return { ...request, headers, body: params.toString() };
  }
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null) continue;
    for (const item of Array.isArray(v) ? v : [v]) {
      if (!isBytes(item)) form.append(k, text(item));
      else form.append(k, item instanceof Blob ? item : new Blob([item as Uint8Array<ArrayBuffer>]));
    }
  }
  const encoded = new Response(form);
  headers["content-type"] = encoded.headers.get("content-type") ?? "multipart/form-data";
  return { ...request, headers, body: new Uint8Array(await encoded.arrayBuffer()) };
}
