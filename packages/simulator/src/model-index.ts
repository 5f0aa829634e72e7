import {
  type GenModel,
  getAuth,
  getBaseUrl,
  getParameters,
  getTaskProtocol,
  type JsonSchema,
  listOperations,
  type ModelOperation,
  deref as specDeref,
  successResponseKey,
  unwrapEnvelopeSchema,
  type XGenAuth,
  type XGenEnvelope,
  type XGenErrorCode,
  type XGenHosts,
  type XGenOperation,
  type XGenRequest,
  type XGenTaskProtocol,
  type XGenVendor,
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

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v !== null && typeof v === "object" ? (v as Obj) : {});

/**
 * Builds the routing index of a normalised model through `@gen/spec`'s reader (the one the
 * generator uses: operations, parameters, success response, envelope unwrapping); throws a clear
 * error on a malformed one. Operations are tried most specific first (see {@link bySpecificity}).
 */
export function indexModel(document: object): SimModel {
  const doc = document as GenModel;
  const vendor = doc["x-gen-vendor"] as XGenVendor | undefined;
  if (!vendor?.id) throw new Error("model: x-gen-vendor.id is required");
  const serverUrl = getBaseUrl(doc);
  if (!serverUrl) throw new Error("model: servers[0].url is required");
  const server = new URL(serverUrl);
  const operations = listOperations(doc, { all: true })
    .map((op) => indexOperation(doc, op))
    .sort(bySpecificity);
  return {
    document: doc as unknown as Obj,
    vendor,
    basePath: server.pathname.replace(/\/+$/, ""),
    apiHost: server.host,
    hosts: doc["x-gen-hosts"] ?? { api: [server.hostname] },
    auth: getAuth(doc),
    envelope: doc["x-gen-envelope"] ?? undefined,
    errors: doc["x-gen-errors"] ?? {},
    request: doc["x-gen-request"] ?? {},
    task: getTaskProtocol(doc),
    operations,
    byId: new Map(operations.map((o) => [o.id, o])),
  };
}

function indexOperation(doc: GenModel, op: ModelOperation): SimOperation {
  const { operationId: id, path } = op;
  const method = op.method.toUpperCase();
  if (!id) throw new Error(`model: ${method} ${path} has no operationId`);
  const parameters = getParameters(doc, op)
    .filter((p) => p.in === "path" || p.in === "query" || p.in === "header")
    .map((p) => ({
      name: p.name,
      in: p.in as SimParameter["in"],
      required: p.in === "path" || p.required === true,
      schema: p.schema,
    }));
  const pattern = compilePath(path);
  // The JSON body as it is sent (wrapped in `x-gen-request.bodyWrapper` when the model says so):
  // multipart, form and raw bodies are not checked against a schema.
  const body = obj(obj(obj(deref(doc, op.operation.requestBody))["content"])["application/json"])["schema"];
  return {
    id,
    method,
    path,
    pattern,
    pathParams: pattern.params,
    parameters,
    bodySchema: body as JsonSchema | undefined,
    responseSchema: responseData(doc, op),
    x: op.xGen,
    names: [id, op.xGen.name, ...(op.xGen.aliases ?? [])],
  };
}

/** The success response's JSON schema, unwrapped to the envelope's data; undefined when empty or not JSON. */
function responseData(doc: GenModel, op: ModelOperation): JsonSchema | undefined {
  const responses = op.operation.responses ?? {};
  const key = successResponseKey(responses);
  const response = obj(deref(doc, key === undefined ? undefined : responses[key]));
  const schema = obj(deref(doc, obj(obj(response["content"])["application/json"])["schema"])) as JsonSchema;
  if (Object.keys(schema).length === 0) return undefined;
  return unwrapEnvelopeSchema(doc, schema);
}

/**
 * Route precedence, as OpenAPI asks: a concrete path segment beats a `{template}` at the first
 * position where two paths differ (`/tasks/latest` before `/tasks/{id}`), whatever order the file
 * lists them in. A total order: segment by segment (concrete first, then by text), shorter first;
 * equal paths keep the reader's method order.
 */
function bySpecificity(a: SimOperation, b: SimOperation): number {
  const sa = a.path.split("/");
  const sb = b.path.split("/");
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const x = sa[i] as string;
    const y = sb[i] as string;
    if (x === y) continue;
    const tx = x.includes("{");
    const ty = y.includes("{");
    if (tx !== ty) return tx ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return sa.length - sb.length;
}

/** Resolves local `$ref`s (`#/components/...`) with `@gen/spec`; `undefined` when a target is missing. */
export function deref(doc: object, value: unknown): unknown {
  try {
    return specDeref(doc as GenModel, value);
  } catch {
    return undefined;
  }
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
