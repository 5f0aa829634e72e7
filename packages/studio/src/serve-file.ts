import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { extname, resolve, sep } from "node:path";
import { HttpError, SECURITY_HEADERS } from "./http-helpers.js";

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".gif": "image/gif",
  ".mp4": "video/mp4",
  ".webm": "video/webm",
  ".mp3": "audio/mpeg",
  ".wav": "audio/wav",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Streams `root/relativePath` (404 when absent; never outside `root`). SVG results are served with
 * a sandboxing CSP so a vendor's diagram cannot run script when opened on its own.
 */
export async function serveFile(res: ServerResponse, root: string, relativePath: string): Promise<void> {
  const base = resolve(root);
  let decoded: string;
  try {
    decoded = decodeURIComponent(relativePath);
  } catch {
    throw new HttpError(404, "not found");
  }
  const path = resolve(base, decoded);
  if (path !== base && !path.startsWith(base + sep)) throw new HttpError(404, "not found");
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new HttpError(404, "not found");
  const type = TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    "Content-Type": type,
    "Content-Length": String(info.size),
  };
  if (type === "image/svg+xml")
    headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
  res.writeHead(200, headers);
  await new Promise<void>((done, fail) => {
    createReadStream(path).on("error", fail).pipe(res).on("finish", done).on("error", fail);
  });
}
