import type {
  JsonSchema,
  XGenAuth,
  XGenEnvelope,
  XGenErrorCode,
  XGenHosts,
  XGenOperation,
  XGenRequest,
  XGenTaskProtocol,
  XGenVendor,
} from "@gen/spec";
import { compilePath, matchPath, type PathPattern } from "./path-pattern.js";

/** One parameter of an operation (path, query or header). */
export interface SimParameter {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  schema?: JsonSchema;
}

/** A model operation, indexed for routing. */
export interface SimOperation {
  id: string;
  method: string;
  /** Path relative to the base path, with `{param}` placeholders. */
  path: string;
  pattern: PathPattern;
  pathParams: string[];
  parameters: SimParameter[];
  bodySchema?: JsonSchema;
  /** Schema of the (unwrapped) response data. */
  responseSchema?: JsonSchema;
  x: XGenOperation;
  /** id, vendor name and aliases. */
  names: string[];
}

/** The model, read once. */
export interface SimModel {
  document: Record<string, unknown>;
  vendor: XGenVendor;
  /** Path part of `servers[0].url` without a trailing slash (`""` or `/api/ai`). */
  basePath: string;
  /** Host of `servers[0].url`. */
  apiHost: string;
  hosts: XGenHosts;
  auth: XGenAuth;
  envelope?: XGenEnvelope;
  errors: Record<string, XGenErrorCode>;
  request: XGenRequest;
  task?: XGenTaskProtocol;
  operations: SimOperation[];
  byId: Map<string, SimOperation>;
}

const METHODS = ["get", "post", "put", "patch", "delete"];

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v !== null && typeof v === "object" ? (v as Obj) : {});

/** Builds the routing index of a normalised model; throws a clear error on a malformed one. */
export function indexModel(document: object): SimModel {
  const doc = document as Obj;
  const vendor = doc["x-gen-vendor"] as XGenVendor | undefined;
  if (!vendor?.id) throw new Error("model: x-gen-vendor.id is required");
  const serverUrl = (obj((doc["servers"] as unknown[] | undefined)?.[0])["url"] as string) ?? "";
  if (!serverUrl) throw new Error("model: servers[0].url is required");
  const server = new URL(serverUrl);
  const operations: SimOperation[] = [];
  for (const [path, item] of Object.entries(obj(doc["paths"]))) {
    const shared = (obj(item)["parameters"] as unknown[] | undefined) ?? [];
    for (const method of METHODS) {
      const op = obj(item)[method];
      if (!op) continue;
      operations.push(indexOperation(doc, path, method.toUpperCase(), obj(op), shared));
    }
  }
  return {
    document: doc,
    vendor,
    basePath: server.pathname.replace(/\/+$/, ""),
    apiHost: server.host,
    hosts: (doc["x-gen-hosts"] as XGenHosts | undefined) ?? { api: [server.hostname] },
    auth: (doc["x-gen-auth"] as XGenAuth | undefined) ?? { type: "none" },
    envelope: (doc["x-gen-envelope"] as XGenEnvelope | null | undefined) ?? undefined,
    errors: (doc["x-gen-errors"] as Record<string, XGenErrorCode> | undefined) ?? {},
    request: (doc["x-gen-request"] as XGenRequest | undefined) ?? {},
    task: doc["x-gen-task-protocol"] as XGenTaskProtocol | undefined,
    operations,
    byId: new Map(operations.map((o) => [o.id, o])),
  };
}

function indexOperation(doc: Obj, path: string, method: string, op: Obj, shared: unknown[]): SimOperation {
  const id = op["operationId"] as string | undefined;
  if (!id) throw new Error(`model: ${method} ${path} has no operationId`);
  const x = (op["x-gen-operation"] as XGenOperation | undefined) ?? { name: id, kind: "read" };
  const parameters = [...shared, ...((op["parameters"] as unknown[] | undefined) ?? [])]
    .map((p) => obj(deref(doc, p)))
    .filter((p) => p["in"] === "path" || p["in"] === "query" || p["in"] === "header")
    .map((p) => ({
      name: String(p["name"]),
      in: p["in"] as SimParameter["in"],
      required: p["in"] === "path" || p["required"] === true,
      schema: p["schema"] as JsonSchema | undefined,
    }));
  const pattern = compilePath(path);
  const body = obj(obj(obj(deref(doc, op["requestBody"]))["content"])["application/json"])["schema"];
  return {
    id,
    method,
    path,
    pattern,
    pathParams: pattern.params,
    parameters,
    bodySchema: body as JsonSchema | undefined,
    responseSchema: responseData(doc, op),
    x,
    names: [id, x.name, ...(x.aliases ?? [])],
  };
}

function responseData(doc: Obj, op: Obj): JsonSchema | undefined {
  const responses = obj(op["responses"]);
  const ok = obj(deref(doc, responses["200"] ?? responses["201"] ?? responses["default"]));
  const schema = obj(deref(doc, obj(obj(ok["content"])["application/json"])["schema"]));
  const envelope = doc["x-gen-envelope"] as XGenEnvelope | undefined;
  const props = obj(schema["properties"]);
  if (envelope && props[envelope.dataField] && props[envelope.codeField]) {
    return deref(doc, props[envelope.dataField]) as JsonSchema;
  }
  return Object.keys(schema).length > 0 ? (schema as JsonSchema) : undefined;
}

/** Resolves a local `$ref` (`#/components/...`) one level; other values pass through. */
export function deref(doc: object, value: unknown): unknown {
  let current = value;
  for (let depth = 0; depth < 16; depth++) {
    const ref = obj(current)["$ref"];
    if (typeof ref !== "string" || !ref.startsWith("#/")) return current;
    current = ref
      .slice(2)
      .split("/")
      .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce<unknown>((acc, key) => obj(acc)[key], doc);
  }
  return current;
}

/** Finds the operation a request addresses, with its path parameters. */
export function matchOperation(
  model: SimModel,
  method: string,
  relativePath: string,
): { operation: SimOperation; params: Record<string, string> } | undefined {
  for (const operation of model.operations) {
    if (operation.method !== method) continue;
    const params = matchPath(operation.pattern, relativePath);
    if (params) return { operation, params };
  }
  return undefined;
}
