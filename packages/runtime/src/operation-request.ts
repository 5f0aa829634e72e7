import type { encodeQuery } from "./encode-query.js";
import { InvalidRequestError } from "./errors/invalid-request-error.js";
import type { CallOptions, OperationDefinition, RawRequest, VendorDefinition } from "./types.js";

export type OperationShape = Pick<
  OperationDefinition,
  | "method"
  | "path"
  | "pathParams"
  | "queryParams"
  | "headerParams"
  | "kind"
  | "constBody"
  | "queryStyles"
  | "responseType"
>;

/** What `buildOperationRequest` needs from an operation, worked out once per operation. */
interface Plan {
  /** Path split around its `{param}` placeholders: text, name, text, name, ..., text. */
  parts: string[];
  /** Fields read by the path, the query or the headers: never sent in the body. */
  taken: Set<string>;
  /** Query fields (none of them path fields). */
  query: string[];
  /** [field, header] pairs (none of them path or query fields). */
  headers: Array<[string, string]>;
}

type Query = Record<string, string | number | boolean | undefined>;

function toQuery(query: Query, name: string, value: unknown): void {
  if (value === undefined || value === null) return;
  query[name] = typeof value === "object" ? JSON.stringify(value) : (value as string | number | boolean);
}

const plans = /* @__PURE__ */ new WeakMap<object, Plan>();

function planOf(operation: OperationShape): Plan {
  let plan = plans.get(operation);
  if (plan) return plan;
  const parts = operation.path.split(/\{([^}]+)\}/);
  const taken = new Set<string>();
  for (let i = 1; i < parts.length; i += 2) taken.add(parts[i]!);
  for (const name of operation.pathParams ?? []) taken.add(name);
  const query = (operation.queryParams ?? []).filter((name) => !taken.has(name));
  for (const name of operation.queryParams ?? []) taken.add(name);
  const headers = Object.entries(operation.headerParams ?? {}).filter(([field]) => !taken.has(field));
  for (const field of Object.keys(operation.headerParams ?? {})) taken.add(field);
  plan = { parts, taken, query, headers };
  plans.set(operation, plan);
  return plan;
}

/**
 * Turn validated input into a `RawRequest`: path params substituted (URL-encoded) and left out of
 * the body, query params, `headerParams` moved to headers, `constBody` and then the caller's
 * `extraBody` merged, and the body wrapped in `vendor.request.bodyWrapper` (`{}` when empty).
 * GET and DELETE send the remaining fields as query parameters.
 * Styled (array / object) query parameters go through `encodeStyled`, which the caller passes
 * when the operation has `queryStyles` (the client loads it with the first such operation).
 */
export function operationRequest(
  vendor: VendorDefinition,
  operation: OperationShape,
  input: unknown,
  call: CallOptions,
  encodeStyled: typeof encodeQuery | undefined,
): RawRequest {
  const plan = planOf(operation);
  const given: Record<string, unknown> =
    input !== null && typeof input === "object" && !Array.isArray(input)
      ? (input as Record<string, unknown>)
      : {};
  let path = plan.parts[0]!;
  for (let i = 1; i < plan.parts.length; i += 2) {
    const name = plan.parts[i]!;
    const value = Object.hasOwn(given, name) ? given[name] : undefined;
    if (value === undefined || value === null || value === "") {
      throw InvalidRequestError.fromIssues(
        [{ field: name, rule: "required", message: "path parameter is required" }],
        { vendor: vendor.id },
      );
    }
    path += encodeURIComponent(String(value)) + plan.parts[i + 1]!;
  }
  const query: Query = {};
  if (operation.queryStyles) {
    // Styled (array / object) parameters: the whole declared query, in order, goes into the path.
    const search = encodeStyled!(given, plan.query, operation.queryStyles);
    if (search) path += `?${search}`;
  } else for (const name of plan.query) if (Object.hasOwn(given, name)) toQuery(query, name, given[name]);
  const headers: Record<string, string> = {};
  for (const [field, header] of plan.headers) {
    const value = Object.hasOwn(given, field) ? given[field] : undefined;
    if (value !== undefined && value !== null) headers[header] = String(value);
  }
  if (call.headers) Object.assign(headers, call.headers);
  // On a null prototype, like `ownOptions`' copies: `sendRequest` reads it without copying it again.
  const request: RawRequest = Object.create(null);
  request.method = operation.method;
  request.path = path;
  request.kind = operation.kind;
  request.headers = headers;
  let bodyFields: Record<string, unknown> = {};
  let empty = true;
  for (const name of Object.keys(given)) {
    if (plan.taken.has(name)) continue;
    bodyFields[name] = given[name];
    empty = false;
  }
  if (operation.constBody || call.extraBody) {
    bodyFields = { ...bodyFields, ...operation.constBody, ...call.extraBody };
    empty = Object.keys(bodyFields).length === 0;
  }
  if (operation.method === "GET" || operation.method === "DELETE") {
    for (const name of Object.keys(bodyFields)) toQuery(query, name, bodyFields[name]);
  } else {
    const wrapper = vendor.request?.bodyWrapper;
    request.body = wrapper && !empty ? { [wrapper]: bodyFields } : bodyFields;
  }
  for (const _ in query) {
    request.query = query;
    break;
  }
  if (operation.responseType) request.responseType = operation.responseType;
  if (call.signal) request.signal = call.signal;
  if (call.timeoutMs !== undefined) request.timeoutMs = call.timeoutMs;
  if (call.baseUrl !== undefined) request.baseUrl = call.baseUrl;
  return request;
}
