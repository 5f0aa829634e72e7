import {
  deref,
  derefSchema,
  type GenModel,
  getAuth,
  getParameters,
  getResponseSchema,
  type JsonSchema,
  listOperations,
  type ModelOperation,
  successResponseKey,
} from "@gen/spec";
import { camelCase, pascalCase } from "./names.js";
import { type ObjectShape, planRequestBody, type RequestBodyPlan } from "./plan-request-body.js";

/** One field of an operation's flat input object. */
export interface InputField {
  name: string;
  in: "path" | "query" | "header" | "body";
  /** Wire name (header name for header params, else the field name). */
  wireName: string;
  required: boolean;
  schema: JsonSchema;
}

/** Everything the emitters need about one operation, computed once. */
export interface OperationPlan {
  source: ModelOperation;
  /** Method / function name (camelCase operationId). */
  id: string;
  /** PascalCase base for type names. */
  typeName: string;
  name: string;
  aliases: string[];
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  kind: "create" | "read";
  task: boolean;
  estimatedMs?: [number, number];
  fields: InputField[];
  /** Body accepts keys beyond the declared ones. */
  openBody: boolean;
  /**
   * A `oneOf`/`anyOf` body: per variant, the complete field list (path/query/header fields plus
   * the variant's body fields) and whether it is open. `fields` then holds the common fields only.
   */
  variants?: Array<{ fields: InputField[]; open: boolean }>;
  /** The variants' discriminator property (a `z.discriminatedUnion`). */
  discriminator?: string;
  /** The request body's media type and encoding (`json` unless multipart, form or raw bytes). */
  body?: { mediaType: string; encoding: RequestBodyPlan["encoding"]; field?: string };
  /** Query fields with a non-default serialisation (arrays and objects): field -> style. */
  queryStyles?: Record<string, string>;
  /** A non-JSON success response: bytes or text. */
  responseType?: "bytes" | "text";
  output?: JsonSchema;
  summary?: string;
  description?: string;
  deprecated: boolean;
}

/** Builds the plan of every operation of the model (stable order: path, then method). */
export function planOperations(model: GenModel): OperationPlan[] {
  return listOperations(model).map((op) => planOperation(model, op));
}

function planOperation(model: GenModel, op: ModelOperation): OperationPlan {
  const x = op.xGen;
  const headerFieldByName = new Map(
    Object.entries(x.headerParams ?? {}).map(([field, header]) => [header.toLowerCase(), field]),
  );
  const fields: InputField[] = [];
  const authHeader = credentialHeader(model);
  const constant = new Set(Object.keys(model["x-gen-request"]?.headers ?? {}).map((h) => h.toLowerCase()));
  const queryStyles: Record<string, string> = {};
  for (const p of getParameters(model, op)) {
    if (p.in === "cookie") continue;
    // The credential header is the client's option and constant headers go on every call:
    // neither is a per-call field.
    if (p.in === "header" && (p.name.toLowerCase() === authHeader || constant.has(p.name.toLowerCase())))
      continue;
    const name =
      p.in === "header" ? (headerFieldByName.get(p.name.toLowerCase()) ?? camelCase(p.name)) : p.name;
    if (fields.some((f) => f.name === name)) continue;
    const schema = {
      ...(p.schema ? derefSchema(model, p.schema) : { type: "string" }),
      ...descr(p.description),
    };
    fields.push({
      name,
      in: p.in,
      wireName: p.name,
      required: p.in === "path" ? true : Boolean(p.required),
      schema,
    });
    if (p.in === "query") {
      const style = queryStyle(model, p.style, p.explode, schema);
      if (style) queryStyles[name] = style;
    }
  }
  for (const [field, header] of Object.entries(x.headerParams ?? {})) {
    if (!fields.some((f) => f.in === "header" && f.name === field)) {
      fields.push({
        name: field,
        in: "header",
        wireName: header,
        required: false,
        schema: { type: "string" },
      });
    }
  }
  const body = planRequestBody(model, op);
  const bodyFields = (shape: ObjectShape, into: InputField[]) => {
    const out = [...into];
    for (const [name, schema] of Object.entries(shape.properties)) {
      if (out.some((f) => f.name === name)) continue;
      out.push({ name, in: "body", wireName: name, required: shape.required.includes(name), schema });
    }
    return out;
  };
  let openBody = false;
  let variants: OperationPlan["variants"];
  if (body?.shape) {
    fields.splice(0, fields.length, ...bodyFields(body.shape, fields));
    openBody = body.shape.open;
  } else if (body?.variants) {
    variants = body.variants.map((v) => ({ fields: bodyFields(v, fields), open: v.open }));
  } else if (body?.whole && !fields.some((f) => f.name === "body")) {
    fields.push({ name: "body", in: "body", wireName: "body", required: true, schema: body.whole });
  }
  const task = x.task;
  const estimated = typeof task === "object" ? task.estimatedMs : undefined;
  const plan: OperationPlan = {
    source: op,
    id: camelCase(op.operationId),
    typeName: pascalCase(op.operationId),
    name: x.name,
    aliases: (x.aliases ?? []).filter((a) => a !== x.name),
    method: op.method.toUpperCase() as OperationPlan["method"],
    path: op.path,
    kind: x.kind,
    task: Boolean(task),
    fields,
    openBody,
    deprecated: Boolean(op.operation.deprecated),
  };
  if (variants) plan.variants = variants;
  if (body?.discriminator) plan.discriminator = body.discriminator;
  if (body && (body.encoding !== "json" || body.whole))
    plan.body = {
      mediaType: body.mediaType,
      encoding: body.encoding,
      ...(body.whole ? { field: "body" } : {}),
    };
  if (Object.keys(queryStyles).length) plan.queryStyles = queryStyles;
  const responseType = nonJsonResponse(model, op);
  if (responseType) plan.responseType = responseType;
  if (estimated) plan.estimatedMs = estimated;
  const output = getResponseSchema(model, op);
  if (output) plan.output = output;
  if (op.operation.summary) plan.summary = op.operation.summary;
  if (op.operation.description) plan.description = op.operation.description;
  return plan;
}

/** Lower-case name of the header carrying the vendor's credential (not an input field). */
function credentialHeader(model: GenModel): string | undefined {
  const auth = getAuth(model);
  if (auth.type === "apiKey") return auth.header.toLowerCase();
  return auth.type === "none" ? undefined : "authorization";
}

/** The runtime's query style of a parameter, when it is not plain `name=value` (arrays, objects). */
function queryStyle(
  model: GenModel,
  style: string | undefined,
  explode: boolean | undefined,
  schema: JsonSchema,
): string | undefined {
  const s = derefSchema(model, schema);
  const structured = (x: JsonSchema) => {
    const types = Array.isArray(x.type) ? x.type : [x.type];
    return types.includes("array") || types.includes("object") || x.properties !== undefined;
  };
  const variants = (s.oneOf ?? s.anyOf ?? []).map((v) => derefSchema(model, v));
  if (!structured(s) && !variants.some(structured)) return undefined;
  if (style === "deepObject") return "deepObject";
  if (style === "spaceDelimited") return "spaceDelimited";
  if (style === "pipeDelimited") return "pipeDelimited";
  return explode === false ? "formNoExplode" : "form";
}

/** `bytes` / `text` when the success response has content but none of it is JSON. */
function nonJsonResponse(model: GenModel, op: ModelOperation): "bytes" | "text" | undefined {
  const responses = op.operation.responses ?? {};
  const key = successResponseKey(responses);
  const raw = key ? responses[key] : undefined;
  if (!raw) return undefined;
  const types = Object.keys(deref(model, raw).content ?? {});
  if (types.length === 0 || types.some((t) => /json/i.test(t))) return undefined;
  return types.every((t) => /^text\//i.test(t)) ? "text" : "bytes";
}

function descr(description: string | undefined): JsonSchema {
  return description ? { description } : {};
}
