import { concatBytes } from "./concat-bytes.js";
import { LimitExceededError } from "./errors/limit-exceeded-error.js";
import type { TransportResponse } from "./types.js";

/** Largest binary or text response read into memory by default (256 MiB). */
export const DEFAULT_MAX_BINARY_BYTES: number = 256 * 1024 * 1024;

/**
 * Reads a successful non-JSON response (`audio/mpeg`, `image/png`, `text/plain`...): the bytes as a
 * `Uint8Array`, or the text. A body over `maxBytes` is refused with `LimitExceededError` (an
 * `InvalidResponseError`; `limits.maxResponseBytes` sets it).
 */
export async function decodeBinary(
  response: TransportResponse,
  type: "bytes" | "text",
  vendor: string,
  maxBytes: number = DEFAULT_MAX_BINARY_BYTES,
): Promise<Uint8Array | string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > maxBytes)
      throw new LimitExceededError("maxResponseBytes", maxBytes, "The response body (larger than allowed)", {
        vendor,
        status: response.status,
      });
    chunks.push(chunk);
  }
  const bytes = concatBytes(chunks, size);
  return type === "text" ? new TextDecoder().decode(bytes) : bytes;
}
