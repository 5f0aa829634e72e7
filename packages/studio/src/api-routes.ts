import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { basename, join } from "node:path";
import { catalogView } from "./catalog-view.js";
import type { HistoryStore } from "./history-store.js";
import { HttpError, readBody, readJson, SECURITY_HEADERS, sendJson } from "./http-helpers.js";
import type { RunEvent, RunManager } from "./run-manager.js";
import { serveFile } from "./serve-file.js";
import type { StudioOperation, StudioVendor } from "./types.js";
import { validateRunInput } from "./validate-run-input.js";

/** Largest file the page may upload for a vendor that uploads (default 100 MiB). */
export const MAX_UPLOAD_BYTES: number = 100 * 1024 * 1024;

/** Interval of the event streams' keep-alive comments. */
const HEARTBEAT_MS = 15_000;

/** What the API handlers share. */
export interface ApiContext {
  vendors: readonly StudioVendor[];
  runs: RunManager;
  history: HistoryStore;
  filesDir: string;
  uploadsDir: string;
}

/** Handles `/api/...`; the request already passed the guard. */
export async function handleApi(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const path = url.pathname;
  const method = req.method ?? "GET";
  if (method === "GET" && path === "/api/catalog") return sendJson(res, 200, catalogView(ctx.vendors));
  if (method === "GET" && path === "/api/runs") return sendJson(res, 200, { runs: ctx.history.list() });
  if (method === "GET" && path.startsWith("/api/files/")) {
    return serveFile(res, ctx.filesDir, path.slice("/api/files/".length));
  }
  if (method === "POST" && path === "/api/validate") {
    const { op, input } = await target(ctx, req);
    return sendJson(res, 200, { issues: await validateRunInput(op, input) });
  }
  if (method === "POST" && path === "/api/runs") {
    const { vendor, op, input } = await target(ctx, req);
    const issues = await validateRunInput(op, input);
    if (issues.length > 0) return sendJson(res, 422, { issues });
    return sendJson(res, 201, { run: await ctx.runs.start(vendor, op, input) });
  }
  if (method === "POST" && path === "/api/uploads") return upload(ctx, req, res, url);
  const match = /^\/api\/runs\/([\w-]+)\/(events|cancel|resume)$/.exec(path);
  const run = match ? ctx.history.get(match[1] as string) : undefined;
  if (match && !run) throw new HttpError(404, "no such run");
  if (run && method === "GET" && match?.[2] === "events") return streamEvents(ctx, req, res, run.id);
  if (run && method === "POST" && match?.[2] === "cancel") {
    return sendJson(res, 200, { stopped: ctx.runs.cancel(run.id) });
  }
  if (run && method === "POST" && match?.[2] === "resume") {
    const vendor = ctx.vendors.find((v) => v.id === run.vendor);
    if (!vendor) throw new HttpError(409, `vendor ${run.vendor} is not installed`);
    return sendJson(res, 200, { run: await ctx.runs.resume(vendor, run) });
  }
  throw new HttpError(404, "not found");
}

async function target(
  ctx: ApiContext,
  req: IncomingMessage,
): Promise<{ vendor: StudioVendor; op: StudioOperation; input: unknown }> {
  const body = await readJson(req);
  const vendor = ctx.vendors.find((v) => v.id === body.vendor);
  if (!vendor) throw new HttpError(404, `unknown vendor ${JSON.stringify(body.vendor)}`);
  const op = vendor.operations.find((o) => o.id === body.operation);
  if (!op) throw new HttpError(404, `unknown operation ${JSON.stringify(body.operation)} of ${vendor.id}`);
  return { vendor, op, input: body.input ?? {} };
}

/** Server-sent events: the run now, then each progress and state change until it settles. */
function streamEvents(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, id: string): void {
  res.writeHead(200, { ...SECURITY_HEADERS, "Content-Type": "text/event-stream", Connection: "keep-alive" });
  const send = (event: RunEvent) => res.write(`event: ${event.type}\ndata: ${JSON.stringify(event.run)}\n\n`);
  const unsubscribe = ctx.runs.subscribe(id, send);
  const current = ctx.history.get(id);
  if (current) send({ type: "state", run: current });
  // A comment line now and then keeps an idle stream (a task of minutes) from looking dead.
  const heartbeat = setInterval(() => res.write(": keep-alive\n\n"), HEARTBEAT_MS);
  req.on("close", () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}

/** Stores an uploaded file (raw body) in the uploads folder; the input then names its path. */
async function upload(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const name = basename(url.searchParams.get("name") ?? "upload").replace(/[^\w.-]/g, "_") || "upload";
  const bytes = await readBody(req, MAX_UPLOAD_BYTES);
  await mkdir(ctx.uploadsDir, { recursive: true, mode: 0o700 });
  const path = join(ctx.uploadsDir, `${randomBytes(6).toString("hex")}-${name}`);
  await writeFile(path, bytes, { mode: 0o600 });
  sendJson(res, 201, { path, bytes: bytes.length });
}
