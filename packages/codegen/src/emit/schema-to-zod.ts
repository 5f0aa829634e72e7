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
    return `z.literal(${literal(s.const)}, e(${literal(`must be ${literal(s.const)}`)}))`;
  if (s.enum) {
    const values = s.enum.filter((v) => v !== null);
    // `oneOf` (schemas.gen.ts) builds the message from the values: the list is written once.
    if (values.every((v) => typeof v === "string")) return `oneOf(${literal(values)})`;
    return `z.literal(${literal(values)}, ${e(`must be one of: ${values.map((v) => String(v)).join(", ")}`)})`;
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
      return URL_FORMATS.has(s.format ?? "")
        ? withChecks(`z.url({ protocol: /^https?$/, ...${e("must be an http(s) URL")} })`, stringChecks(s))
        : withChecks("z.string(" + e("must be a string") + ")", stringChecks(s));
    case "integer":
      return withChecks("z.int(" + e("must be an integer") + ")", numberChecks(s));
    case "number":
      return withChecks("z.number(" + e("must be a number") + ")", numberChecks(s));
    case "boolean":
      return "z.boolean(" + e("must be a boolean") + ")";
    case "array": {
      const item = s.items ? schemaToZod(s.items, model, depth + 1, stack) : "z.unknown()";
      return withChecks(`z.array(${item}, ${e("must be an array")})`, arrayChecks(s));
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
  return `${ctor}({ ${members.join(", ")} }, o)`;
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
    return `${propKey(name)}: ${fallback === undefined ? `z.optional(${inner})` : `z._default(${inner}, ${literal(fallback)})`}`;
  });
  return { ctor: s.additionalProperties === true ? "z.looseObject" : "z.strictObject", members };
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

function stringChecks(s: JsonSchema): string[] {
  const c: string[] = [];
  if (s.minLength !== undefined)
    c.push(`z.minLength(${s.minLength}, ${literal(`must be at least ${s.minLength} characters`)})`);
  if (s.maxLength !== undefined)
    c.push(`z.maxLength(${s.maxLength}, ${literal(`must be at most ${s.maxLength} characters`)})`);
  if (s.pattern !== undefined)
    c.push(`z.regex(new RegExp(${literal(s.pattern)}), ${literal(`must match ${s.pattern}`)})`);
  return c;
}

function numberChecks(s: JsonSchema): string[] {
  const c: string[] = [];
  if (s.minimum !== undefined) c.push(`z.gte(${s.minimum}, ${literal(`must be >= ${s.minimum}`)})`);
  if (s.exclusiveMinimum !== undefined)
    c.push(`z.gt(${s.exclusiveMinimum}, ${literal(`must be > ${s.exclusiveMinimum}`)})`);
  if (s.maximum !== undefined) c.push(`z.lte(${s.maximum}, ${literal(`must be <= ${s.maximum}`)})`);
  if (s.exclusiveMaximum !== undefined)
    c.push(`z.lt(${s.exclusiveMaximum}, ${literal(`must be < ${s.exclusiveMaximum}`)})`);
  return c;
}

function arrayChecks(s: JsonSchema): string[] {
  const c: string[] = [];
  if (s.minItems !== undefined)
    c.push(`z.minLength(${s.minItems}, ${literal(`must have at least ${s.minItems} item(s)`)})`);
  if (s.maxItems !== undefined)
    c.push(`z.maxLength(${s.maxItems}, ${literal(`must have at most ${s.maxItems} item(s)`)})`);
  return c;
}

function withChecks(base: string, checks: string[]): string {
  return checks.length ? `${base}.check(${checks.join(", ")})` : base;
}

function e(message: string): string {
  return `e(${literal(message)})`;
}
