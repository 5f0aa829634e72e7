import { createHash, randomUUID } from "node:crypto";
import type { SimContext, SimRequest, SimResponse, SimRoute } from "../types.js";

/** The vendor client's public app constants, as the upload service expects them. */
export const IMA_UPLOAD_APP = { appId: "webAgent", appKey: "32jdskjdk320eew" } as const;

/** Host of the upload service and of its CDN URLs. */
export const IMA_UPLOAD_HOST = "imapi.liveme.com";

const TYPES = new Set(["picture", "video", "audio"]);

interface Pending {
  contentType: string;
  fdl: string;
}

const pending = (ctx: SimContext) =>
  (ctx.state.get("ima.uploads.pending") ?? new Map()) as Map<string, Pending>;
const stored = (ctx: SimContext) => (ctx.state.get("ima.uploads.stored") ?? new Map()) as Map<string, number>;

function remember(ctx: SimContext): void {
  if (!ctx.state.has("ima.uploads.pending")) ctx.state.set("ima.uploads.pending", new Map());
  if (!ctx.state.has("ima.uploads.stored")) ctx.state.set("ima.uploads.stored", new Map());
}

/** True when `url` is a CDN URL whose bytes were uploaded (or any URL off the upload host). */
export function imaUploaded(ctx: SimContext, url: string): boolean {
  if (!url.startsWith(`https://${IMA_UPLOAD_HOST}/`)) return true;
  return stored(ctx).has(url);
}

const fail = (message: string): SimResponse => ({ json: { code: 10001, message, data: null } });

function token(req: SimRequest, ctx: SimContext): SimResponse {
  remember(ctx);
  const q = req.query;
  const key = ctx.credentials["apiKey"];
  if (!key || q.get("appUid") !== key || q.get("cmimToken") !== key) return fail("invalid token");
  if (q.get("appId") !== IMA_UPLOAD_APP.appId || q.get("appKey") !== IMA_UPLOAD_APP.appKey)
    return fail("invalid app");
  const ts = q.get("timestamp") ?? "";
  const nonce = q.get("nonce") ?? "";
  if (!/^\d+$/.test(ts) || Math.abs(Number(ts) * 1000 - ctx.now()) > 300_000) return fail("stale timestamp");
  if (!/^[0-9a-f]{21}$/.test(nonce)) return fail("bad nonce");
  const want = createHash("sha1")
    .update(`${IMA_UPLOAD_APP.appId}|${IMA_UPLOAD_APP.appKey}|${ts}|${nonce}`)
    .digest("hex")
    .toUpperCase();
  if (q.get("sign") !== want) return fail("bad sign");
  const fType = q.get("fType") ?? "";
  const suffix = q.get("fSuffix") ?? "";
  const contentType = q.get("fContentType") ?? "";
  if (q.get("fService") !== "privite" || !TYPES.has(fType) || !/^[a-z0-9]+$/.test(suffix) || !contentType) {
    return fail("bad file parameters");
  }
  const id = randomUUID();
  const fdl = `https://${IMA_UPLOAD_HOST}/cdn/${id}.${suffix}`;
  pending(ctx).set(id, { contentType, fdl });
  return {
    json: { code: 0, message: "success", data: { ful: `https://${IMA_UPLOAD_HOST}/oss/put/${id}`, fdl } },
  };
}

function put(req: SimRequest, ctx: SimContext): SimResponse {
  remember(ctx);
  const id = req.params["id"] ?? "";
  const entry = pending(ctx).get(id);
  if (!entry) return { status: 403, body: "unknown upload" };
  if (String(req.headers["content-type"] ?? "") !== entry.contentType)
    return { status: 400, body: "content type" };
  if (req.headers["authorization"]) return { status: 400, body: "credentials must not reach the bucket" };
  pending(ctx).delete(id);
  stored(ctx).set(entry.fdl, req.rawBody.length);
  return { status: 200, body: "" };
}

/** Routes of the upload host: token, PUT of the bytes, and the CDN answering for uploaded files. */
export const imaUploadRoutes: SimRoute[] = [
  { method: "GET", path: "/api/rest/oss/getuploadtoken", auth: false, handle: token },
  { method: "PUT", path: "/oss/put/{id}", auth: false, handle: put },
];
