import type { JsonSchema } from "@gen/spec";
import { defineSimulatorPlugin } from "../define-simulator-plugin.js";
import type { FileKind, SimContext, SimRequest, SimResponse, SimTask, SimulatorPlugin } from "../types.js";

/** Key in `ctx.state` of the callbacks delivered so far (`DeliveredCallback[]`). */
export const TOMOVIEE_CALLBACKS = "tomoviee.callbacks";

/** A callback the simulator POSTed to a task's `callback` URL. */
export interface DeliveredCallback {
  url: string;
  body: Record<string, unknown>;
  /** HTTP status of the receiver, or the error text when it was unreachable. */
  outcome: number | string;
}

const TERMINAL = new Set(["succeeded", "failed", "cancelled", "timed_out"]);
const MAX_CALLBACK_CHECKS = 50;

/**
 * Tomoviee behaviour the model cannot express:
 * - results shaped per capability: the operation's `x-gen-operation.task.resultSchema` picks the
 *   field (`video_path`, `images_path`, `audio_path`, `mask_path`), with as many URLs as the
 *   input's `batch_size` / `qty` asks for (one otherwise);
 * - fields the catalog does not know (sent with `CallOptions.extraBody`) are ignored, as the gateway
 *   ignores them, instead of being refused by the catalog's strict `additionalProperties: false`
 *   (which is meant for the client); the ledger still records them;
 * - the vendor's callback: when a create carries `callback`, the task's end is POSTed there as
 *   `{task_id, status, result, params}` (status as the vendor's number, result as a JSON string).
 */
export const tomovieePlugin: SimulatorPlugin = defineSimulatorPlugin({
  vendor: "tomoviee",
  taskResult: (task, ctx) => resultFor(task, ctx),
  routes: [
    {
      method: "POST",
      path: "/v1/open/capacity/application/{capability}",
      handle: async (req, ctx) => {
        const response = await ctx.handleOperation(withoutUnknownFields(req));
        const callback = callbackUrl(req);
        const taskId = createdTaskId(response);
        const task = taskId ? ctx.tasks.get(taskId) : undefined;
        if (callback && task) scheduleCallback(ctx, task, callback, 0);
        return response;
      },
    },
  ],
});

function resultFor(task: SimTask, ctx: SimContext): Record<string, string[]> | undefined {
  const x = ctx.model.byId.get(task.operationId)?.x;
  const schema = typeof x?.task === "object" ? resolve(ctx, x.task.resultSchema) : undefined;
  const field = Object.keys(schema?.properties ?? {}).find((key) => key.endsWith("_path"));
  if (!field) return undefined;
  const input = (task.input ?? {}) as Record<string, unknown>;
  const count = Number(input["batch_size"] ?? input["qty"] ?? 1);
  const kind = fileKind(field);
  const urls = Array.from({ length: Number.isInteger(count) && count > 0 ? count : 1 }, (_, i) =>
    ctx.fileUrl(kind, `${task.id}-${i}`),
  );
  return { [field]: urls };
}

function fileKind(field: string): FileKind {
  if (field.startsWith("video")) return "mp4";
  if (field.startsWith("audio")) return "mp3";
  return "png";
}

function resolve(ctx: SimContext, schema: JsonSchema | undefined): JsonSchema | undefined {
  let s = schema;
  for (let i = 0; s?.$ref && i < 8; i++) {
    let node: unknown = ctx.model.document;
    for (const key of s.$ref.replace(/^#\//, "").split("/")) {
      node = (node as Record<string, unknown> | undefined)?.[key.replace(/~1/g, "/").replace(/~0/g, "~")];
    }
    s = node as JsonSchema | undefined;
  }
  return s;
}

function withoutUnknownFields(req: SimRequest): SimRequest {
  const known = req.operation?.bodySchema?.properties;
  const body = req.body;
  if (!known || body === null || typeof body !== "object" || Array.isArray(body)) return req;
  const kept = Object.fromEntries(Object.entries(body).filter(([key]) => key in known));
  return { ...req, body: kept };
}

function callbackUrl(req: SimRequest): string | undefined {
  const value = (req.body as Record<string, unknown> | undefined)?.["callback"];
  return typeof value === "string" && value !== "" ? value : undefined;
}

function createdTaskId(response: SimResponse): string | undefined {
  const json = response.json as { code?: unknown; data?: { task_id?: unknown } } | undefined;
  const id = json?.data?.task_id;
  return json?.code === 0 && typeof id === "string" ? id : undefined;
}

function scheduleCallback(ctx: SimContext, task: SimTask, url: string, checks: number): void {
  const wait = Math.max(1, task.createdAt + task.durationMs - ctx.now()) + 1;
  const timer = setTimeout(() => {
    const snapshot = ctx.tasks.snapshot(task);
    if (!TERMINAL.has(snapshot.state)) {
      if (checks < MAX_CALLBACK_CHECKS) scheduleCallback(ctx, task, url, checks + 1);
      return;
    }
    void deliver(ctx, task, url, snapshot.state);
  }, wait);
  timer.unref?.();
}

async function deliver(ctx: SimContext, task: SimTask, url: string, state: string): Promise<void> {
  const statusMap = ctx.model.task?.statusMap ?? {};
  const status = Number(Object.keys(statusMap).find((key) => statusMap[key] === state));
  const input = (task.input ?? {}) as Record<string, unknown>;
  const body: Record<string, unknown> = { task_id: task.id, status };
  if (state === "succeeded") {
    if (!("result" in task.meta)) task.meta["result"] = resultFor(task, ctx) ?? {};
    body["result"] = JSON.stringify(task.meta["result"]);
  } else {
    body["result"] = "";
    body["reason"] = task.outcome.reason ?? `task ${state}`;
  }
  if (input["params"] !== undefined) body["params"] = input["params"];
  const delivered: DeliveredCallback = { url, body, outcome: 0 };
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
    await res.arrayBuffer();
    delivered.outcome = res.status;
  } catch (error) {
    delivered.outcome = error instanceof Error ? error.message : String(error);
  }
  const list = (ctx.state.get(TOMOVIEE_CALLBACKS) as DeliveredCallback[] | undefined) ?? [];
  list.push(delivered);
  ctx.state.set(TOMOVIEE_CALLBACKS, list);
}
