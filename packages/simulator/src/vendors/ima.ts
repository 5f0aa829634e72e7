import { defineSimulatorPlugin } from "../define-simulator-plugin.js";
import type {
  SimContext,
  SimRequest,
  SimResponse,
  SimTask,
  SimulatorPlugin,
  TaskSnapshot,
} from "../types.js";
import { checkImaCreate } from "./ima-create-check.js";
import { type ImaSimOptions, imaProductTree } from "./ima-products.js";
import { IMA_UPLOAD_HOST, imaUploaded, imaUploadRoutes } from "./ima-uploads.js";

const OPTIONS_KEY = "ima.products";

function productOptions(ctx: SimContext): ImaSimOptions {
  return (ctx.state.get(OPTIONS_KEY) as ImaSimOptions | undefined) ?? { revision: 0, extraAttribute: [] };
}

function appSource(req: SimRequest, ctx: SimContext): SimResponse | undefined {
  return req.headers["x-app-source"] === "ima_skills"
    ? undefined
    : ctx.error(400, "x-app-source header required");
}

function products(req: SimRequest, ctx: SimContext): SimResponse {
  const wrong = appSource(req, ctx);
  if (wrong) return wrong;
  if (req.query.get("app") !== "ima" || req.query.get("platform") !== "web")
    return ctx.error(400, "app=ima&platform=web");
  return ctx.ok(imaProductTree(req.query.get("category") ?? "", productOptions(ctx)));
}

function create(req: SimRequest, ctx: SimContext): SimResponse {
  const wrong = appSource(req, ctx);
  if (wrong) return wrong;
  const checked = checkImaCreate(req.body, productOptions(ctx), (url) => imaUploaded(ctx, url));
  if (checked.refusal) return ctx.error(checked.refusal.code, checked.refusal.message);
  const task = ctx.createTask({ operationId: "createTask", input: req.body });
  task.meta["n"] = checked.n;
  return ctx.ok({ id: task.id });
}

/** Control: `POST /_ima/products {revision?, extraAttribute?}` changes the live prices/rules. */
function control(req: SimRequest, ctx: SimContext): SimResponse {
  const body = (req.body ?? {}) as Partial<ImaSimOptions>;
  const next: ImaSimOptions = {
    revision: Number(body.revision ?? productOptions(ctx).revision) || 0,
    extraAttribute: Array.isArray(body.extraAttribute) ? body.extraAttribute.map(String) : [],
  };
  ctx.state.set(OPTIONS_KEY, next);
  return { json: next };
}

function duration(task: SimTask): string {
  const input = task.input as { parameters?: Array<{ parameters?: { duration?: unknown } }> } | undefined;
  return `${Number(input?.parameters?.[0]?.parameters?.duration ?? 5)}s`;
}

/** Medias advance one by one: media i (of n) is done at (i+1)/n of the run; the last only at success. */
function medias(task: SimTask, snapshot: TaskSnapshot, ctx: SimContext): unknown[] {
  const n = Number(task.meta["n"] ?? 1);
  return Array.from({ length: n }, (_, i) => {
    const last = i === n - 1;
    const doneEarly = snapshot.state === "running" && !last && snapshot.progress >= ((i + 1) / n) * 100;
    const finished =
      snapshot.state === "succeeded" ||
      (snapshot.state !== "queued" && snapshot.state !== "running" && !last);
    if (doneEarly || finished) {
      return {
        resource_status: 1,
        status: "success",
        url: ctx.fileUrl("mp4", `${task.id}-${i}`),
        cover: ctx.fileUrl("jpg", `${task.id}-${i}-cover`),
        duration_str: duration(task),
        format: "mp4",
      };
    }
    if (snapshot.state === "queued") return { resource_status: null, status: "pending" };
    if (snapshot.state === "running") return { resource_status: 0, status: "processing" };
    const deleted = snapshot.state === "cancelled";
    return {
      resource_status: deleted ? 3 : 2,
      status: "failed",
      error_msg: task.outcome.reason ?? (snapshot.state === "timed_out" ? "timeout" : "generation failed"),
    };
  });
}

/**
 * IMA behaviour the model cannot express: the live product list (multi-rule, shared model ids,
 * virtual fields), the backend's credit/attribute checks (6006/6009/6010/400017/500), the upload
 * service on its own host (signed token, PUT, CDN URL) and tasks whose medias finish one by one.
 */
export const imaPlugin: SimulatorPlugin = defineSimulatorPlugin({
  vendor: "ima",
  credentials: { apiKey: "ima_sim-key" },
  routes: [
    { method: "GET", path: "/open/v1/product/list", handle: products },
    { method: "POST", path: "/open/v1/tasks/create", handle: create },
    { method: "POST", path: "/_ima/products", auth: false, handle: control },
  ],
  hosts: [{ host: IMA_UPLOAD_HOST, routes: imaUploadRoutes }],
  pollData: (_data, task, snapshot, ctx) => ({ id: task.id, medias: medias(task, snapshot, ctx) }),
});
