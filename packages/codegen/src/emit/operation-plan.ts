import {
  derefSchema,
  type GenModel,
  getParameters,
  getRequestBodySchema,
  getResponseSchema,
  type JsonSchema,
  listOperations,
  type ModelOperation,
} from "@gen/spec";
import { camelCase, pascalCase } from "./names.js";

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
  for (const p of getParameters(model, op)) {
    if (p.in === "cookie") continue;
    const name =
      p.in === "header" ? (headerFieldByName.get(p.name.toLowerCase()) ?? camelCase(p.name)) : p.name;
    if (fields.some((f) => f.name === name)) continue;
    fields.push({
      name,
      in: p.in,
      wireName: p.name,
      required: p.in === "path" ? true : Boolean(p.required),
      schema: { ...(p.schema ? derefSchema(model, p.schema) : { type: "string" }), ...descr(p.description) },
    });
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
  const body = getRequestBodySchema(model, op);
  const required = new Set(body?.required ?? []);
  for (const [name, schema] of Object.entries(body?.properties ?? {})) {
    if (fields.some((f) => f.name === name)) continue;
    fields.push({ name, in: "body", wireName: name, required: required.has(name), schema });
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
    openBody: body?.additionalProperties === true,
    deprecated: Boolean(op.operation.deprecated),
  };
  if (estimated) plan.estimatedMs = estimated;
  const output = getResponseSchema(model, op);
  if (output) plan.output = output;
  if (op.operation.summary) plan.summary = op.operation.summary;
  if (op.operation.description) plan.description = op.operation.description;
  return plan;
}

function descr(description: string | undefined): JsonSchema {
  return description ? { description } : {};
}
