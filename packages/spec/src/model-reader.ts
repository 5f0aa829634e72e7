import type { GenModel, HttpMethodLower, OperationObject, ParameterObject, RefObject } from "./model.js";
import { HTTP_METHODS } from "./model.js";
import type {
  JsonSchema,
  XGenAuth,
  XGenHosts,
  XGenOperation,
  XGenTaskProtocol,
  XGenVendor,
} from "./x-gen.js";

/** One operation of the model with everything the emitters need next to it. */
export interface ModelOperation {
  path: string;
  method: HttpMethodLower;
  operationId: string;
  operation: OperationObject;
  xGen: XGenOperation;
}

/** Whether a value is a `{ $ref }` object. */
export function isRef(value: unknown): value is RefObject {
  return typeof value === "object" && value !== null && typeof (value as RefObject).$ref === "string";
}

/** Resolves a local JSON pointer (`#/components/schemas/Foo`); throws on a missing or remote target. */
export function resolvePointer(model: unknown, ref: string): unknown {
  let node: unknown = model;
  for (const part of pointerParts(ref)) {
    if (typeof node !== "object" || node === null || !(part in node))
      throw new Error(`unresolved $ref: ${ref}`);
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

// A model names each of its few hundred targets thousands of times: split and unescape each once.
const PARTS_CACHE_LIMIT = 4096;
const partsCache = new Map<string, readonly string[]>();

function pointerParts(ref: string): readonly string[] {
  const cached = partsCache.get(ref);
  if (cached) return cached;
  if (!ref.startsWith("#")) throw new Error(`only local $refs are supported: ${ref}`);
  const parts = ref
    .slice(1)
    .split("/")
    .filter((p) => p !== "")
    .map((p) => decodeURIComponent(p).replace(/~1/g, "/").replace(/~0/g, "~"));
  if (partsCache.size >= PARTS_CACHE_LIMIT) partsCache.clear();
  partsCache.set(ref, parts);
  return parts;
}

/** Follows `$ref`s (chains included) until a non-ref value. */
export function deref<T>(model: GenModel, value: T | RefObject): T {
  let current: unknown = value;
  for (let depth = 0; isRef(current); depth++) {
    if (depth > 32) throw new Error(`$ref cycle at ${current.$ref}`);
    current = resolvePointer(model, current.$ref);
  }
  return current as T;
}

/**
 * Every operation with `x-gen-operation`, in path then method order (stable). With `all`, also the
 * operations without it, as reads named by their `operationId` (how a simulator serves a model).
 */
export function listOperations(model: GenModel, options: { all?: boolean } = {}): ModelOperation[] {
  const out: ModelOperation[] = [];
  for (const path of Object.keys(model.paths ?? {}).sort()) {
    const item = model.paths[path];
    if (!item) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      const xGen =
        operation?.["x-gen-operation"] ??
        (options.all && operation ? { name: operation.operationId ?? "", kind: "read" as const } : undefined);
      if (!operation || !xGen) continue;
      out.push({ path, method, operationId: operation.operationId ?? "", operation, xGen });
    }
  }
  return out;
}

/** Path-level and operation-level parameters, dereferenced (operation-level wins by name+in). */
export function getParameters(model: GenModel, op: ModelOperation): ParameterObject[] {
  const byKey = new Map<string, ParameterObject>();
  const item = model.paths[op.path];
  for (const p of [...(item?.parameters ?? []), ...(op.operation.parameters ?? [])]) {
    const param = deref<ParameterObject>(model, p);
    byKey.set(`${param.in}:${param.name}`, param);
  }
  return [...byKey.values()];
}

/** Names of the `{param}` placeholders in a path template. */
export function pathTemplateParams(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
}

/** The JSON request-body schema (unwrapped from `x-gen-request.bodyWrapper` when described wrapped). */
export function getRequestBodySchema(model: GenModel, op: ModelOperation): JsonSchema | undefined {
  if (!op.operation.requestBody) return undefined;
  const body = deref(model, op.operation.requestBody);
  const media = body.content?.["application/json"] ?? Object.values(body.content ?? {})[0];
  if (!media?.schema) return undefined;
  let schema = derefSchema(model, media.schema);
  const wrapper = model["x-gen-request"]?.bodyWrapper;
  const props = schema.properties ? Object.keys(schema.properties) : [];
  if (wrapper && props.length === 1 && props[0] === wrapper && schema.properties?.[wrapper]) {
    schema = derefSchema(model, schema.properties[wrapper]);
  }
  return schema;
}

/** The key of the success response: `200`, `201`, `202`, any other `2xx`, `2XX`, else `default`. */
export function successResponseKey(responses: Readonly<Record<string, unknown>>): string | undefined {
  const keys = Object.keys(responses);
  return (
    ["200", "201", "202"].find((k) => k in responses) ??
    keys.filter((k) => /^2\d\d$/.test(k) && k !== "204").sort()[0] ??
    ("2XX" in responses ? "2XX" : "default" in responses ? "default" : undefined)
  );
}

/** The success response schema, unwrapped to the envelope's data field when described whole. */
export function getResponseSchema(model: GenModel, op: ModelOperation): JsonSchema | undefined {
  const responses = op.operation.responses ?? {};
  const key = successResponseKey(responses);
  if (!key || !responses[key]) return undefined;
  const response = deref(model, responses[key]);
  const media = response.content?.["application/json"] ?? Object.values(response.content ?? {})[0];
  if (!media?.schema) return undefined;
  return unwrapEnvelopeSchema(model, derefSchema(model, media.schema));
}

/** Returns `schema.properties[dataField]` when the schema describes the whole envelope. */
export function unwrapEnvelopeSchema(model: GenModel, schema: JsonSchema): JsonSchema {
  const env = model["x-gen-envelope"];
  const props = schema.properties;
  const data = props?.[env?.dataField ?? ""];
  if (env && props?.[env.codeField] && data) return derefSchema(model, data);
  return schema;
}

/** Dereferences a schema (top level only; nested `$ref`s stay). */
export function derefSchema(model: GenModel, schema: JsonSchema): JsonSchema {
  return deref<JsonSchema>(model, schema as JsonSchema | RefObject);
}

/** Root `x-gen-vendor` (required). */
export function getVendor(model: GenModel): XGenVendor {
  return model["x-gen-vendor"];
}

/** Root `x-gen-hosts`, defaulting to the hosts of `servers`. */
export function getHosts(model: GenModel): XGenHosts {
  const hosts = model["x-gen-hosts"];
  if (hosts) return hosts;
  return { api: (model.servers ?? []).map((s) => new URL(s.url).hostname) };
}

/** Root `x-gen-auth`, defaulting to `none`. */
export function getAuth(model: GenModel): XGenAuth {
  return model["x-gen-auth"] ?? { type: "none" };
}

/** The first server URL (the default base URL). */
export function getBaseUrl(model: GenModel): string {
  return model.servers?.[0]?.url ?? "";
}

/** Root `x-gen-task-protocol`, if the vendor has async tasks. */
export function getTaskProtocol(model: GenModel): XGenTaskProtocol | undefined {
  return model["x-gen-task-protocol"];
}

/** Whether an operation starts an async task. */
export function isTaskOperation(op: ModelOperation): boolean {
  return Boolean(op.xGen.task);
}

/** Every name `call()` accepts for an operation: operationId, name, aliases. */
export function operationNames(op: ModelOperation): string[] {
  return [...new Set([op.operationId, op.xGen.name, ...(op.xGen.aliases ?? [])])];
}

/**
 * Resolves a schema's `$ref` chain and merges sibling keywords over the target (OpenAPI 3.1
 * allows `{ $ref, description, default }`). Returns the merged schema and the last ref's name.
 */
export function resolveSchema(
  model: GenModel,
  schema: JsonSchema,
): { schema: JsonSchema; refName?: string; target?: JsonSchema } {
  let current = schema;
  let refName: string | undefined;
  let target: JsonSchema | undefined;
  const siblings: JsonSchema[] = [];
  for (let depth = 0; isRef(current); depth++) {
    if (depth > 32) throw new Error(`$ref cycle at ${current.$ref}`);
    const { $ref, ...rest } = current;
    if (Object.keys(rest).length) siblings.unshift(rest);
    refName = $ref.split("/").pop();
    current = resolvePointer(model, $ref) as JsonSchema;
    target = current;
  }
  const merged = siblings.length ? Object.assign({}, current, ...siblings) : current;
  return { schema: merged, ...(refName ? { refName } : {}), ...(target ? { target } : {}) };
}
