import type { ClientContext } from "./client-context.js";
import { receiveDownload } from "./download-file.js";
import { InvalidResponseError } from "./errors/invalid-response-error.js";
import type { DownloadedBytes, DownloadOptions } from "./types.js";

/**
 * A result URL's bytes in memory, for runtimes without a file system (browsers, edge) or to hand
 * on (`new Blob([bytes], { type: contentType })`): the same checks as `downloadFile` (host policy
 * on every hop, credentials only where due, `accept`, `maxBytes` while reading, deadline).
 */
export function downloadBytes(
  ctx: ClientContext,
  url: string,
  options: DownloadOptions = {},
): Promise<DownloadedBytes> {
  return receiveDownload(ctx, url, options, async (body) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of body) {
      size += chunk.byteLength;
      if (options.maxBytes !== undefined && size > options.maxBytes)
        throw new InvalidResponseError(`Download exceeds maxBytes (${options.maxBytes})`, {
          vendor: ctx.vendor.id,
          retryable: false,
        });
      chunks.push(chunk);
    }
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return { bytes };
  });
}
