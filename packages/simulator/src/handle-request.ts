import type { IncomingMessage, ServerResponse } from "node:http";
import { getPath } from "@gen/runtime";
import { checkAuth } from "./check-auth.js";
import { type ControlTarget, controlApi } from "./control-api.js";
import { deliverResponse, faultAnswer } from "./deliver-response.js";
import type { FaultQueue, FaultTarget } from "./fault-queue.js";
import { fileBytes } from "./file-bytes.js";
import { matchOperation } from "./model-index.js";
import { matchPath, type PathPattern } from "./path-pattern.js";
import type { SimCore } from "./sim-core.js";
import type { SimRequest, SimResponse, SimRoute } from "./types.js";

/** One server's view: the vendor host (model operations + control API) or a plugin's extra host. */
export interface HostBinding {
  host: string;
  vendor: boolean;
  routes: Array<{ route: SimRoute; pattern: PathPattern }>;
}

const FILES = "/__sim/files/";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    return undefined;
  }
}

/** Builds the `node:http` request listener of one host of a simulator. */
export function createRequestHandler(
  core: SimCore,
  faults: FaultQueue,
  control: ControlTarget,
  binding: HostBinding,
) {
  const { model, ledger } = core;

  const refusal = (req: IncomingMessage): SimResponse | undefined => {
    const reason = checkAuth(model.auth, core.credentials, req.headers);
    if (!reason) return undefined;
    const refusal = core.errorOfKind("authentication");
    const message = getPath(refusal.json, model.envelope?.messageField ?? "message");
    return core.errorOfKind(
      "authentication",
      typeof message === "string" ? `${message} (${reason})` : reason,
    );
  };

  const serveFile = (path: string): SimResponse => {
    const name = decodeURIComponent(path.slice(FILES.length));
    const file = fileBytes(name.split(".").pop() ?? "");
    if (!file || name.includes("/"))
      return { status: 404, body: "not found", headers: { "content-type": "text/plain" } };
    return { status: 200, headers: { "content-type": file.type }, body: file.bytes };
  };

  const process = async (req: IncomingMessage, simReq: SimRequest): Promise<SimResponse> => {
    if (simReq.path.startsWith(FILES)) return serveFile(simReq.path);
    for (const { route, pattern } of binding.routes) {
      if (route.method !== "*" && route.method.toUpperCase() !== simReq.method) continue;
      const params = matchPath(pattern, simReq.relativePath);
      if (!params) continue;
      const refused = (route.auth ?? binding.vendor) ? refusal(req) : undefined;
      if (refused) return refused;
      const out = await route.handle({ ...simReq, params: { ...simReq.params, ...params } }, core);
      if (out) return out;
    }
    if (!simReq.operation) {
      return core.errorOfKind("not_found", `no operation at ${simReq.method} ${simReq.path}`, 404);
    }
    return refusal(req) ?? core.handleOperation(simReq);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://simulator");
    const method = (req.method ?? "GET").toUpperCase();
    const path = url.pathname;
    if (binding.vendor && path.startsWith("/__sim/") && !path.startsWith(FILES)) {
      await deliverResponse(res, controlApi(method, path, parseJson(await readBody(req)), control));
      return;
    }
    const base = binding.vendor ? model.basePath : "";
    const relativePath =
      path === base ? "/" : path.startsWith(`${base}/`) ? path.slice(base.length) : undefined;
    const matched = binding.vendor && relativePath ? matchOperation(model, method, relativePath) : undefined;
    const target: FaultTarget = { method, path, ...(relativePath ? { relativePath } : {}) };
    if (matched) target.operation = matched.operation;
    const fault = faults.takeTransport(target);
    const entry = ledger.record({
      host: binding.host,
      method,
      url,
      headers: req.headers,
      operationId: matched?.operation.id,
    });
    if (fault) entry.fault = fault.kind;
    if (fault?.kind === "reset-before") {
      entry.outcome = "reset";
      req.socket.destroy();
      return;
    }
    const rawBody = await readBody(req);
    const body = parseJson(rawBody);
    ledger.setBody(entry, body ?? (rawBody.length > 0 ? `<${rawBody.length} bytes>` : undefined));
    if (fault?.kind === "delay") await sleep(fault.ms);
    const early =
      fault?.kind === "error"
        ? core.error(fault.code, fault.message, fault.status)
        : fault && faultAnswer(fault, () => core.now());
    const simReq: SimRequest = {
      method,
      path,
      relativePath: relativePath ?? path,
      query: url.searchParams,
      headers: req.headers,
      rawBody,
      body,
      params: matched?.params ?? {},
      host: binding.host,
      ...(matched ? { operation: matched.operation } : {}),
    };
    const response = early ?? (await core.scope.run({ entry, target }, () => process(req, simReq)));
    const status = await deliverResponse(res, response, early ? undefined : fault);
    entry.outcome = status === undefined ? "reset" : "answered";
    if (status !== undefined) entry.status = status;
  };

  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: `simulator error: ${(error as Error).message}` }));
    });
  };
}
