import {
  type GenerationDiagnostic,
  type GenModel,
  getParameters,
  getRequestBodySchema,
  HTTP_METHODS,
  isRef,
  type JsonSchema,
  listOperations,
  type ModelOperation,
  operationNames,
  pathTemplateParams,
  resolvePointer,
} from "@gen/spec";
import { camelCase } from "./emit/names.js";

const KNOWN_TYPES = new Set(["string", "number", "integer", "boolean", "array", "object", "null"]);
const RESERVED_METHODS = new Set(["call", "resume", "runtime"]);

/** Checks a model before emission; every problem names the file, the entry and the field. */
export function validateModel(model: GenModel, file: string): GenerationDiagnostic[] {
  const out: GenerationDiagnostic[] = [];
  const err = (code: string, message: string, entry?: string, field?: string) => {
    const d: GenerationDiagnostic = { severity: "error", code, message, file };
    if (entry) d.entry = entry;
    if (field) d.field = field;
    out.push(d);
  };
  const vendor = model["x-gen-vendor"];
  if (!vendor || typeof vendor !== "object") {
    err(
      "missing-vendor",
      "root x-gen-vendor is required (id, packageName, displayName)",
      "(root)",
      "x-gen-vendor",
    );
    return out;
  }
  for (const key of ["id", "packageName", "displayName"] as const) {
    if (typeof vendor[key] !== "string" || vendor[key] === "") {
      err(
        "missing-vendor-field",
        `x-gen-vendor.${key} must be a non-empty string`,
        "(root)",
        `x-gen-vendor.${key}`,
      );
    }
  }
  if (!model.servers?.[0]?.url)
    err(
      "missing-server",
      'servers[0].url (the base URL) is required: add it with an overlay beside the catalog (overlay.yaml: `actions: [{ target: "$", update: { servers: [{ url: "https://api.vendor.example" }] } }]`) or set options.baseUrl in gen.config',
      "(root)",
      "servers",
    );
  if (!model.paths || typeof model.paths !== "object") {
    err("missing-paths", "paths must be an object", "(root)", "paths");
    return out;
  }
  const seenIds = new Map<string, string>();
  const seenNames = new Map<string, string>();
  const ops = listOperations(model);
  for (const op of ops) {
    const entry = `${op.method.toUpperCase()} ${op.path}${op.operationId ? ` (${op.operationId})` : ""}`;
    const base = `paths.${op.path}.${op.method}`;
    if (!op.operationId) {
      err("missing-operation-id", "operationId is required", entry, `${base}.operationId`);
      continue;
    }
    const method = camelCase(op.operationId);
    const prior = seenIds.get(method);
    if (prior)
      err(
        "duplicate-operation-id",
        `operationId maps to method "${method}", already used by ${prior}`,
        entry,
        `${base}.operationId`,
      );
    seenIds.set(method, entry);
    if (RESERVED_METHODS.has(method))
      err("reserved-name", `method name "${method}" is reserved by the client`, entry, `${base}.operationId`);
    const x = op.xGen;
    if (typeof x.name !== "string" || x.name === "")
      err("missing-name", "x-gen-operation.name is required", entry, `${base}.x-gen-operation.name`);
    if (x.kind !== "create" && x.kind !== "read") {
      err(
        "bad-kind",
        `x-gen-operation.kind must be "create" or "read", got ${JSON.stringify(x.kind)}`,
        entry,
        `${base}.x-gen-operation.kind`,
      );
    }
    for (const name of operationNames(op)) {
      const owner = seenNames.get(name);
      if (owner && owner !== entry)
        err(
          "duplicate-name",
          `name or alias "${name}" is also used by ${owner}`,
          entry,
          `${base}.x-gen-operation`,
        );
      seenNames.set(name, entry);
    }
    let params: ReturnType<typeof getParameters> = [];
    try {
      params = getParameters(model, op);
    } catch (e) {
      err("unresolved-ref", (e as Error).message, entry, `${base}.parameters`);
    }
    const declared = new Set(params.filter((p) => p.in === "path").map((p) => p.name));
    for (const name of pathTemplateParams(op.path)) {
      if (!declared.has(name))
        err(
          "undeclared-path-param",
          `path parameter {${name}} is not declared as an "in: path" parameter`,
          entry,
          `${base}.parameters`,
        );
    }
    params.forEach((p, i) => {
      if (p.schema)
        walkSchema(model, p.schema, `${base}.parameters[${i}].schema`, (code, msg, field) =>
          err(code, msg, entry, field),
        );
    });
    const bodyProps = safeBodyProperties(model, op);
    const inputNames = [...params.filter((p) => p.in !== "cookie").map((p) => p.name), ...bodyProps];
    const dup = inputNames.find((n, i) => inputNames.indexOf(n) !== i);
    if (dup)
      out.push({
        severity: "warning",
        code: "duplicate-input-field",
        message: `input field "${dup}" is declared twice (parameter and/or body): the first one is used`,
        file,
        entry,
        field: `${base}.parameters`,
      });
    walkAny(model, op.operation.requestBody, `${base}.requestBody`, (code, msg, field) =>
      err(code, msg, entry, field),
    );
    walkAny(model, op.operation.responses, `${base}.responses`, (code, msg, field) =>
      err(code, msg, entry, field),
    );
    if (x.task && !model["x-gen-task-protocol"]) {
      err(
        "missing-task-protocol",
        "a task operation needs root x-gen-task-protocol",
        entry,
        `${base}.x-gen-operation.task`,
      );
    }
  }
  for (const [path, item] of Object.entries(model.paths)) {
    for (const method of HTTP_METHODS) {
      if (item?.[method] && !item[method]?.["x-gen-operation"]) {
        out.push({
          severity: "warning",
          code: "no-x-gen-operation",
          message: "operation skipped: no x-gen-operation",
          file,
          entry: `${method.toUpperCase()} ${path}`,
        });
      }
    }
  }
  const protocol = model["x-gen-task-protocol"];
  if (protocol && !ops.some((o) => o.operationId === protocol.pollOperation)) {
    err(
      "unknown-poll-operation",
      `pollOperation "${protocol.pollOperation}" is not an operationId of this model`,
      "(root)",
      "x-gen-task-protocol.pollOperation",
    );
  }
  return out;
}

type Report = (code: string, message: string, field: string) => void;

function safeBodyProperties(model: GenModel, op: ModelOperation): string[] {
  try {
    return Object.keys(getRequestBodySchema(model, op)?.properties ?? {});
  } catch {
    return [];
  }
}

function walkAny(model: GenModel, node: unknown, field: string, report: Report, depth = 0): void {
  if (depth > 40 || node === null || typeof node !== "object") return;
  if (isRef(node)) {
    try {
      resolvePointer(model, node.$ref);
    } catch (e) {
      report("unresolved-ref", (e as Error).message, `${field}.$ref`);
    }
    return;
  }
  for (const [k, v] of Object.entries(node)) {
    if (k === "schema" && v && typeof v === "object")
      walkSchema(model, v as JsonSchema, `${field}.schema`, report);
    else walkAny(model, v, `${field}.${k}`, report, depth + 1);
  }
}

/** Reports unknown types, unresolved refs and enum-name mismatches inside a schema. */
export function walkSchema(
  model: GenModel,
  schema: JsonSchema,
  field: string,
  report: Report,
  depth = 0,
): void {
  if (depth > 40 || !schema || typeof schema !== "object") return;
  if (isRef(schema)) {
    try {
      resolvePointer(model, schema.$ref);
    } catch (e) {
      report("unresolved-ref", (e as Error).message, `${field}.$ref`);
    }
    return;
  }
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  for (const t of types)
    if (!KNOWN_TYPES.has(t)) report("unknown-type", `unknown type "${t}"`, `${field}.type`);
  const names = schema["x-gen-enum-names"];
  if (names && (!schema.enum || names.length !== schema.enum.length)) {
    report(
      "enum-names-mismatch",
      `x-gen-enum-names has ${names.length} names for ${schema.enum?.length ?? 0} enum values`,
      `${field}.x-gen-enum-names`,
    );
  }
  for (const [k, v] of Object.entries(schema.properties ?? {}))
    walkSchema(model, v, `${field}.properties.${k}`, report, depth + 1);
  if (schema.items) walkSchema(model, schema.items, `${field}.items`, report, depth + 1);
  for (const key of ["oneOf", "anyOf", "allOf"] as const) {
    for (const [i, s] of (schema[key] ?? []).entries())
      walkSchema(model, s, `${field}.${key}[${i}]`, report, depth + 1);
  }
  if (schema.additionalProperties && typeof schema.additionalProperties === "object") {
    walkSchema(model, schema.additionalProperties, `${field}.additionalProperties`, report, depth + 1);
  }
}
