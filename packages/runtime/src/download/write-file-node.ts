import { randomBytes } from "node:crypto";
import { mkdir, open, rename, unlink } from "node:fs/promises";
import { extname, join } from "node:path";
import { FileWriteError } from "../errors/file-write-error.js";
import { isGenError } from "../errors/gen-error.js";
import { LimitExceededError } from "../errors/limit-exceeded-error.js";

/** What to write where. */
export interface WriteFileRequest {
  dir: string;
  fileName: string;
  body: AsyncIterable<Uint8Array>;
  maxBytes?: number | undefined;
  /** The option `maxBytes` came from, named in the error. */
  limit?: string | undefined;
}

/**
 * Stream `body` to a temp file in `dir`, enforcing `maxBytes` (the partial file is deleted), then
 * claim a free name (`name.png`, `name-1.png`, …) with an exclusive create (`wx`, so a concurrent
 * writer cannot be clobbered) and atomically rename the temp file onto it.
 */
export async function writeBodyToFile(request: WriteFileRequest): Promise<{ path: string; bytes: number }> {
  try {
    return await writeBody(request);
  } catch (error) {
    // File system failures (EACCES, ENOSPC, EFBIG, ENAMETOOLONG, ...) become a typed error.
    if (isGenError(error) || typeof (error as { code?: unknown }).code !== "string") throw error;
    const { code, path } = error as { code: string; path?: string };
    throw new FileWriteError(typeof path === "string" ? path : request.dir, code, { cause: error });
  }
}

async function writeBody(request: WriteFileRequest): Promise<{ path: string; bytes: number }> {
  const { dir, fileName, body, maxBytes, limit } = request;
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${fileName}.${randomBytes(6).toString("hex")}.part`);
  const handle = await open(temp, "wx");
  let bytes = 0;
  try {
    for await (const chunk of body) {
      bytes += chunk.byteLength;
      if (maxBytes !== undefined && bytes > maxBytes) {
        throw new LimitExceededError(limit ?? "maxBytes", maxBytes, "The download", { retryable: false });
      }
      await handle.write(chunk);
    }
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => {});
    await unlink(temp).catch(() => {});
    throw error;
  }
  const ext = extname(fileName);
  const stem = fileName.slice(0, fileName.length - ext.length);
  for (let i = 0; ; i++) {
    const path = join(dir, i === 0 ? fileName : `${stem}-${i}${ext}`);
    try {
      await (await open(path, "wx")).close();
    } catch (error) {
      if ((error as { code?: string }).code === "EEXIST" && i < 10_000) continue;
      await unlink(temp).catch(() => {});
      throw error;
    }
    await rename(temp, path);
    return { path, bytes };
  }
}
