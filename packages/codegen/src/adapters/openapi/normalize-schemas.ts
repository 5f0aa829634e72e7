import { type GenModel, HTTP_METHODS, isRef, type JsonSchema, resolvePointer } from "@gen/spec";

const KNOWN_TYPES = new Set(["string", "number", "integer", "boolean", "array", "object", "null"]);
type Warn = (code: string, message: string, entry: string, field?: string) => void;
type Node = Record<string, unknown>;

/**
 * Normalises every schema of an OpenAPI 3.0/3.1 document in place: 3.0's boolean
 * `exclusiveMinimum`/`exclusiveMaximum` become 3.1 numbers. When `lenient`, what cannot be typed
 * (unknown `type`, remote or unresolvable `$ref`, `$ref` cycles) becomes an untyped schema (a typed
 * `unknown`) with a warning instead of failing validation.
 */
export function normalizeSchemas(model: GenModel, lenient: boolean, warn: Warn): void {
  const fix = (schema: unknown, entry: string, field: string) =>
    fixSchema(model, schema, lenient, warn, entry, field, 0);
  const components = model.components ?? {};
  for (const [name, s] of Object.entries(components.schemas ?? {}))
    (components.schemas as Node)[name] = fix(s, `components.schemas.${name}`, "");
  for (const [name, p] of Object.entries(components.parameters ?? {}))
    fixHolder(p, `components.parameters.${name}`, fix);
  for (const [name, b] of Object.entries(components.requestBodies ?? {}))
    fixContent(b, `components.requestBodies.${name}`, fix);
  for (const [name, r] of Object.entries(components.responses ?? {}))
    fixContent(r, `components.responses.${name}`, fix);
  for (const [path, item] of Object.entries(model.paths ?? {})) {
    for (const [i, p] of (item?.parameters ?? []).entries()) fixHolder(p, `${path} parameters[${i}]`, fix);
    for (const method of HTTP_METHODS) {
      const op = item?.[method];
      if (!op) continue;
      const entry = `${method.toUpperCase()} ${path}`;
      for (const [i, p] of (op.parameters ?? []).entries()) fixHolder(p, entry, fix, `parameters[${i}]`);
      fixContent(op.requestBody, entry, fix, "requestBody");
      for (const [code, r] of Object.entries(op.responses ?? {}))
        fixContent(r, entry, fix, `responses.${code}`);
    }
  }
}

type Fix = (schema: unknown, entry: string, field: string) => JsonSchema;

function fixHolder(holder: unknown, entry: string, fix: Fix, field = ""): void {
  if (!holder || typeof holder !== "object" || isRef(holder)) return;
  const h = holder as Node;
  if (h.schema !== undefined) h.schema = fix(h.schema, entry, `${field}.schema`.replace(/^\./, ""));
}

function fixContent(holder: unknown, entry: string, fix: Fix, field = ""): void {
  if (!holder || typeof holder !== "object" || isRef(holder)) return;
  const content = (holder as { content?: Record<string, Node> }).content;
  for (const [type, media] of Object.entries(content ?? {}))
    fixHolder(media, entry, fix, `${field}.content.${type}`);
}

function fixSchema(
  model: GenModel,
  schema: unknown,
  lenient: boolean,
  warn: Warn,
  entry: string,
  field: string,
  depth: number,
): JsonSchema {
  if (!schema || typeof schema !== "object" || Array.isArray(schema) || depth > 40)
    return schema as JsonSchema;
  const s = schema as JsonSchema & Node;
  if (isRef(s)) {
    const problem = refProblem(model, s.$ref);
    if (!problem || !lenient) return s;
    warn("untyped-ref", `${problem}: typed as unknown`, entry, `${field}.$ref`.replace(/^\./, ""));
    const { $ref: _ref, ...siblings } = s;
    return siblings as JsonSchema;
  }
  for (const [flag, bound] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    const value = s[flag] as unknown;
    if (typeof value !== "boolean") continue;
    if (value && typeof s[bound] === "number") {
      s[flag] = s[bound];
      delete s[bound];
    } else delete s[flag];
  }
  if (lenient && s.type !== undefined) {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    const unknown = types.filter((t) => !KNOWN_TYPES.has(t));
    if (unknown.length) {
      warn(
        "untyped-schema",
        `unknown type ${unknown.map((t) => `"${t}"`).join(", ")}: typed as unknown`,
        entry,
        `${field}.type`.replace(/^\./, ""),
      );
      delete s.type;
    }
  }
  const sub = (value: unknown, key: string) =>
    fixSchema(model, value, lenient, warn, entry, `${field}.${key}`, depth + 1);
  if (s.properties)
    for (const k of Object.keys(s.properties)) s.properties[k] = sub(s.properties[k], `properties.${k}`);
  if (s.items) s.items = sub(s.items, "items");
  if (s.additionalProperties && typeof s.additionalProperties === "object")
    s.additionalProperties = sub(s.additionalProperties, "additionalProperties");
  for (const key of ["oneOf", "anyOf", "allOf"] as const) {
    const list = s[key];
    if (Array.isArray(list)) s[key] = list.map((v, i) => sub(v, `${key}[${i}]`));
  }
  return s;
}

/** Why a `$ref` cannot be followed (remote, missing, cyclic), or `undefined` when it can. */
function refProblem(model: GenModel, ref: string): string | undefined {
  if (!ref.startsWith("#")) return `remote $ref ${ref} is not supported`;
  const seen = new Set<string>();
  let next: string | undefined = ref;
  while (next !== undefined) {
    if (seen.has(next)) return `$ref cycle at ${next}`;
    seen.add(next);
    if (!next.startsWith("#")) return `remote $ref ${next} is not supported`;
    let node: unknown;
    try {
      node = resolvePointer(model, next);
    } catch {
      return `unresolved $ref ${next}`;
    }
    next = isRef(node) ? node.$ref : undefined;
  }
  return undefined;
}
