import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GenClientLike } from "./vendor-sdk.js";

/**
 * The bytes behind result URLs, fetched by the vendor client: every hop passes the vendor's host
 * policy and the runtime's size and content-type limits (the AI SDK's own downloader would skip
 * them). Streams to a private temporary folder, reads back, removes it.
 */
export async function fetchAll(
  client: GenClientLike,
  urls: readonly string[],
  accept: string,
  signal?: AbortSignal,
): Promise<Array<{ data: Uint8Array; mediaType: string }>> {
  const dir = await mkdtemp(join(tmpdir(), "gen-ai-sdk-"));
  try {
    const out = [];
    for (const url of urls) {
      const file = await client.runtime.download(url, dir, {
        accept: [accept],
        ...(signal ? { signal } : {}),
      });
      out.push({
        data: new Uint8Array(await readFile(file.path)),
        mediaType: file.contentType.split(";")[0] ?? accept,
      });
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
