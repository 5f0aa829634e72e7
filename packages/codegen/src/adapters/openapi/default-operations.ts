import {
  deref,
  type GenModel,
  HTTP_METHODS,
  isRef,
  type JsonSchema,
  type MediaTypeObject,
  type OperationObject,
  type ParameterObject,
  pathTemplateParams,
  type RequestBodyObject,
  type ResponseObject,
  successResponseKey,
} from "@gen/spec";
import { camelCase } from "../../emit/names.js";

type Warn = (code: string, message: string, entry: string, field?: string) => void;

/**
 * Operation defaults for a plain OpenAPI file: an operationId from the method and path when
 * missing, a default `x-gen-operation` (name = operationId, `get` reads, others creates) and,
 * when `lenient`, undeclared `{path}` parameters as strings and untyped request bodies as open
 * objects. Every default is reported as a warning.
 */
export function applyOperationDefaults(model: GenModel, lenient: boolean, warn: Warn): void {
  if (lenient) constantHeaders(model, warn);
  const used = new Set<string>();
  for (const item of Object.values(model.paths ?? {}))
    for (const m of HTTP_METHODS) if (item?.[m]?.operationId) used.add(camelCase(item[m]?.operationId ?? ""));
  for (const [path, item] of Object.entries(model.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = item?.[method];
      if (!op) continue;
      const entry = `${method.toUpperCase()} ${path}`;
      if (!op.operationId) {
        op.operationId = uniqueId(derivedId(method, path), used);
        warn("default-operation-id", `no operationId: using "${op.operationId}"`, entry, "operationId");
      }
      if (!op["x-gen-operation"]) {
        op["x-gen-operation"] = { name: op.operationId, kind: method === "get" ? "read" : "create" };
        warn(
          "default-x-gen-operation",
          `no x-gen-operation: using name "${op.operationId}", kind from the method`,
          entry,
        );
      }
      if (lenient) {
        declarePathParams(model, path, op, warn, entry);
        defaultRequestBody(model, op, warn, entry);
      }
      checkResponses(model, op, warn, entry);
      for (const [i, p] of (op.parameters ?? []).entries()) {
        const param = isRef(p) ? safeDeref<ParameterObject>(model, p.$ref) : p;
        if (param?.in === "cookie")
          warn(
            "cookie-parameter",
            `cookie parameter "${param.name}" is not sent by the client`,
            entry,
            `parameters[${i}]`,
          );
      }
    }
  }
}

function derivedId(method: string, path: string): string {
  const segments = path
    .split("/")
    .filter(Boolean)
    .map((s) => (s.startsWith("{") ? `by ${s.slice(1, -1)}` : s));
  return camelCase(`${method} ${segments.join(" ")}`) || method;
}

function uniqueId(id: string, used: Set<string>): string {
  let candidate = id;
  for (let i = 2; used.has(candidate); i++) candidate = `${id}${i}`;
  used.add(candidate);
  return candidate;
}

function declarePathParams(
  model: GenModel,
  path: string,
  op: OperationObject,
  warn: Warn,
  entry: string,
): void {
  const declared = new Set(
    [...(model.paths[path]?.parameters ?? []), ...(op.parameters ?? [])]
      .map((p) => (isRef(p) ? safeDeref<ParameterObject>(model, p.$ref) : p))
      .filter((p): p is ParameterObject => p?.in === "path")
      .map((p) => p.name),
  );
  for (const name of pathTemplateParams(path)) {
    if (declared.has(name)) continue;
    op.parameters = [
      ...(op.parameters ?? []),
      { name, in: "path", required: true, schema: { type: "string" } },
    ];
    warn(
      "default-path-param",
      `path parameter {${name}} is not declared: typed as string`,
      entry,
      "parameters",
    );
  }
}

function defaultRequestBody(model: GenModel, op: OperationObject, warn: Warn, entry: string): void {
  const body = isRef(op.requestBody)
    ? safeDeref<RequestBodyObject>(model, op.requestBody.$ref)
    : op.requestBody;
  if (!body?.content) return;
  const types = Object.keys(body.content);
  const json = types.find(isJson);
  const encoded = types.find((t) => /^multipart\/form-data|x-www-form-urlencoded/i.test(t));
  const raw = body.content[types[0] ?? ""]?.schema;
  const bytes = raw && !isRef(raw) && (raw.format === "binary" || raw.contentMediaType !== undefined);
  if (!json && !encoded && types.length && raw && !bytes)
    warn(
      "unsupported-media-type",
      `request body ${types.join(", ")} with a structured schema: the client sends the \`body\` field's bytes or text as they are (overlay: add an application/json content, or a { type: string, format: binary } schema)`,
      entry,
      "requestBody",
    );
  const media = body.content[json ?? types[0] ?? ""] as MediaTypeObject | undefined;
  if (media && !media.schema) {
    media.schema = { type: "object", additionalProperties: true };
    warn(
      "untyped-request-body",
      "request body has no schema (examples only): any object is accepted",
      entry,
      "requestBody",
    );
  }
}

function checkResponses(model: GenModel, op: OperationObject, warn: Warn, entry: string): void {
  const responses = op.responses ?? {};
  const key = successResponseKey(responses);
  const raw = key ? responses[key] : undefined;
  const response = isRef(raw) ? safeDeref<ResponseObject>(model, raw.$ref) : raw;
  const media = Object.entries(response?.content ?? {}).find(([t]) => isJson(t))?.[1];
  if (media && !media.schema)
    warn(
      "untyped-response",
      "response has no schema (examples only): output typed as unknown",
      entry,
      `responses.${key}`,
    );
}

function isJson(mediaType: string): boolean {
  return /json/i.test(mediaType);
}

function safeDeref<T>(model: GenModel, ref: string): T | undefined {
  try {
    return deref<T>(model, { $ref: ref });
  } catch {
    return undefined;
  }
}

/**
 * Required header parameters pinned to one value (`const`, or a one-value `enum`), the same
 * wherever declared — an API version header, typically — are sent on every call
 * (`x-gen-request.headers`) instead of being a per-call field.
 */
function constantHeaders(model: GenModel, warn: Warn): void {
  const values = new Map<string, { name: string; value: unknown; same: boolean }>();
  for (const item of Object.values(model.paths ?? {}))
    for (const method of HTTP_METHODS) {
      const op = item?.[method];
      if (!op) continue;
      for (const raw of [...(item?.parameters ?? []), ...(op.parameters ?? [])]) {
        const p = isRef(raw) ? safeDeref<ParameterObject>(model, raw.$ref) : raw;
        if (p?.in !== "header") continue;
        const schema =
          p.schema && (isRef(p.schema) ? safeDeref<JsonSchema>(model, p.schema.$ref ?? "") : p.schema);
        const value = schema?.const ?? (schema?.enum?.length === 1 ? schema.enum[0] : undefined);
        const key = p.name.toLowerCase();
        const seen = values.get(key);
        const pinned = p.required === true && (typeof value === "string" || typeof value === "number");
        if (!seen) values.set(key, { name: p.name, value, same: pinned });
        else if (!pinned || seen.value !== value) seen.same = false;
      }
    }
  for (const { name, value, same } of values.values()) {
    if (!same) continue;
    model["x-gen-request"] ??= {};
    const request = model["x-gen-request"];
    request.headers = { [name]: String(value), ...request.headers };
    warn(
      "constant-header",
      `required header ${name} has one allowed value: "${String(value)}" is sent on every call (not a per-call field)`,
      "(root)",
      "x-gen-request.headers",
    );
  }
}
