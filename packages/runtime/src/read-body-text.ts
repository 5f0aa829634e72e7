import { LimitExceededError } from "./errors/limit-exceeded-error.js";
import type { TransportResponse } from "./types.js";

/**
 * A response body as text, read chunk by chunk and refused with `LimitExceededError` as soon as it
 * passes `maxBytes` (a declared Content-Length over it is refused before reading). A body whose
 * Content-Length is declared, within `maxBytes` and enforced by the transport (`exactLength`) is
 * read in one go.
 */
export async function readBodyText(response: TransportResponse, maxBytes: number): Promise<string> {
  const length = response.headers["content-length"];
  const declared = length ? Number(length) : Number.NaN;
  if (Number.isFinite(declared)) {
    if (declared > maxBytes) {
      // Refused without waiting: the rest drains (or the connection closes) in the background.
      response.dump().catch(() => {});
      throw new LimitExceededError("maxResponseBytes", maxBytes, `A response of ${declared} bytes`, {
        status: response.status,
      });
    }
    if (response.exactLength === true) return response.text();
  }
  const decoder = new TextDecoder();
  let text = "";
  let bytes = 0;
  for await (const chunk of response.body) {
    bytes += chunk.byteLength;
    if (bytes > maxBytes) {
      throw new LimitExceededError("maxResponseBytes", maxBytes, "The response body", {
        status: response.status,
      });
    }
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}
