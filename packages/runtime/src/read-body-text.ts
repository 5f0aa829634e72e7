import { LimitExceededError } from "./errors/limit-exceeded-error.js";
import type { TransportResponse } from "./types.js";

/**
 * A response body as text, read chunk by chunk and refused with `LimitExceededError` as soon as it
 * passes `maxBytes` (a declared Content-Length over it is refused before reading).
 */
export async function readBodyText(response: TransportResponse, maxBytes: number): Promise<string> {
  const declared = Number(response.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.dump().catch(() => {});
    throw new LimitExceededError("maxResponseBytes", maxBytes, `A response of ${declared} bytes`, {
      status: response.status,
    });
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
