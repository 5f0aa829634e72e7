import { type GenModel, type JsonSchema, resolveSchema } from "@gen/spec";
import { literal, propKey } from "./names.js";
import { isBinary } from "./schema-to-ts.js";

const URL_FORMATS = new Set(["uri", "url"]);

/**
 * Converts a JSON Schema into a `zod/mini` expression (strict: request side). `stack` holds the
 * component names being expanded: a recursive `$ref` becomes `z.unknown()`.
 */
export function schemaToZod(
  schema: JsonSchema,
  model: GenModel,
  depth = 0,
  stack: readonly string[] = [],
): string {
  if (depth > 12) return "z.unknown()";
  const { schema: s, refName } = resolveSchema(model, schema);
  if (refName && stack.includes(refName)) return "z.unknown()";
  let z = baseZod(s, model, depth, refName ? [...stack, refName] : stack);
  if (s.nullable === true || (Array.isArray(s.type) && s.type.includes("null"))) z = `z.nullable(${z})`;
  return z;
}

function baseZod(s: JsonSchema, model: GenModel, depth: number, stack: readonly string[]): string {
  if (s.const !== undefined)
    // `lit` (schemas.gen.ts) builds the message `must be <JSON value>` from the value.
    return `lit(${literal(s.const)})`;
  if (s.enum) {
    const values = s.enum.filter((v) => v !== null);
    // `oneOf` / `lits` (schemas.gen.ts) build the message from the values: the list is written once.
    return `${values.every((v) => typeof v === "string") ? "oneOf" : "lits"}(${literal(values)})`;
  }
  const variants = s.oneOf ?? s.anyOf;
  if (variants) {
    const parts = [...new Set(variants.map((v) => schemaToZod(v, model, depth + 1, stack)))];
    const rest = parts.filter((p) => p !== "z.null()");
    const union = rest.length === 1 ? (rest[0] as string) : `z.union([${rest.join(", ")}])`;
    return rest.length < parts.length ? `z.nullable(${union})` : union;
  }
  if (s.allOf?.length === 1 && s.allOf[0]) return schemaToZod(s.allOf[0], model, depth + 1, stack);
  if (s.allOf?.length) {
    const merged = mergeAllOf(s, model);
    return merged ? objectZod(merged, model, depth, stack) : "z.unknown()";
  }
  const all = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const types = all.filter((t) => t !== "null");
  if (all.length > 0 && types.length === 0) return "z.null()";
  if (types.length === 0) return s.properties ? objectZod(s, model, depth, stack) : "z.unknown()";
  const parts = types.map((t) => typeZod(t, s, model, depth, stack));
  return parts.length === 1 ? (parts[0] as string) : `z.union([${parts.join(", ")}])`;
}

function typeZod(
  type: string,
  s: JsonSchema,
  model: GenModel,
  depth: number,
  stack: readonly string[],
): string {
  switch (type) {
    case "string":
      if (isBinary(s))
        return `z.custom<Blob | Uint8Array>((v) => v instanceof Uint8Array || (typeof Blob !== "undefined" && v instanceof Blob), ${e("must be a Blob or Uint8Array (file bytes)")})`;
      return URL_FORMATS.has(s.format ?? "") ? `url(${stringChecks(s)})` : `str(${stringChecks(s)})`;
    case "integer":
      return `int(${numberChecks(s)})`;
    case "number":
      return `num(${numberChecks(s)})`;
    case "boolean":
      return "bool()";
    case "array": {
      const item = s.items ? schemaToZod(s.items, model, depth + 1, stack) : "z.unknown()";
      const checks = arrayChecks(s);
      return `arr(${checks ? `${item}, ${checks}` : item})`;
    }
    case "object":
      return objectZod(s, model, depth, stack);
    case "null":
      return "z.null()";
    default:
      return "z.unknown()";
  }
}

/** A strict object schema; used for operation inputs and nested objects. */
export function objectZod(
  s: JsonSchema,
  model: GenModel,
  depth: number,
  stack: readonly string[] = [],
): string {
  const { ctor, members } = objectMembers(s, model, depth, stack);
  if (members.length === 0) return `z.record(z.string(), z.unknown())`;
  return `${ctor}({ ${members.join(", ")} })`;
}

/** The constructor (`z.strictObject` / `z.looseObject`) and the `key: schema` members of an object. */
export function objectMembers(
  s: JsonSchema,
  model: GenModel,
  depth: number,
  stack: readonly string[] = [],
): { ctor: string; members: string[] } {
  const required = new Set(s.required ?? []);
  const sendDefaults = model["x-gen-request"]?.sendDefaults === true;
  const members = Object.entries(s.properties ?? {}).map(([name, p]) => {
    const inner = schemaToZod(p, model, depth + 1, stack);
    if (required.has(name)) return `${propKey(name)}: ${inner}`;
    const fallback = sendDefaults ? resolveSchema(model, p).schema.default : undefined;
    return `${propKey(name)}: ${fallback === undefined ? `opt(${inner})` : `z._default(${inner}, ${literal(fallback)})`}`;
  });
  return { ctor: s.additionalProperties === true ? "loose" : "obj", members };
}

/** `allOf` of object schemas as one object (properties and required merged); else `undefined`. */
function mergeAllOf(s: JsonSchema, model: GenModel): JsonSchema | undefined {
  const parts = (s.allOf ?? []).map((p) => resolveSchema(model, p).schema);
  if (!parts.every((p) => p.properties || p.type === "object")) return undefined;
  const merged: JsonSchema = {
    type: "object",
    properties: { ...s.properties },
    required: [...(s.required ?? [])],
  };
  for (const p of parts) {
    Object.assign(merged.properties as object, p.properties);
    merged.required?.push(...(p.required ?? []));
    if (p.additionalProperties === true) merged.additionalProperties = true;
  }
  return merged;
}

// Checks as calls of the file's helpers (schemas.gen.ts), which build each message from the
// number or pattern: `minC(1)` is `z.minLength(1, "must be at least 1 characters")`.
function stringChecks(s: JsonSchema): string {
  const c: string[] = [];
  if (s.minLength !== undefined) c.push(`minC(${s.minLength})`);
  if (s.maxLength !== undefined) c.push(`maxC(${s.maxLength})`);
  if (s.pattern !== undefined) c.push(`re(${literal(s.pattern)})`);
  return c.join(", ");
}

function numberChecks(s: JsonSchema): string {
  const c: string[] = [];
  if (s.minimum !== undefined) c.push(`gte(${s.minimum})`);
  if (s.exclusiveMinimum !== undefined) c.push(`gt(${s.exclusiveMinimum})`);
  if (s.maximum !== undefined) c.push(`lte(${s.maximum})`);
  if (s.exclusiveMaximum !== undefined) c.push(`lt(${s.exclusiveMaximum})`);
  return c.join(", ");
}

function arrayChecks(s: JsonSchema): string {
  const c: string[] = [];
  if (s.minItems !== undefined) c.push(`minI(${s.minItems})`);
  if (s.maxItems !== undefined) c.push(`maxI(${s.maxItems})`);
  return c.join(", ");
}

function e(message: string): string {
  return `e(${literal(message)})`;
}
