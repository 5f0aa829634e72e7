import { type GenModel, type JsonSchema, resolveSchema } from "@gen/spec";
import { literal } from "./names.js";

/** A `CompactSpec` of `@gen/runtime` as plain JSON (see `compactSchema`). */
export type CompactSpecJson = Record<string, unknown>;

const URL_FORMATS = new Set(["uri", "url"]);

/**
 * The `compactSchema` spec of a JSON Schema: the same rules as `schemaToZod`, as data. `undefined`
 * when the schema uses something the compact validator does not cover (nullable, records, unknown,
 * recursion): the operation then keeps its zod schema.
 */
export function schemaToCompact(schema: JsonSchema, model: GenModel, depth = 0): CompactSpecJson | undefined {
  if (depth > 12) return undefined;
  const { schema: s, refName } = resolveSchema(model, schema);
  if (refName && depth > 6) return undefined;
  if (s.nullable === true || (Array.isArray(s.type) && s.type.includes("null"))) return undefined;
  if (s.const !== undefined) return { t: "e", v: [s.const], m: `must be ${literal(s.const)}` };
  if (s.enum) {
    const values = s.enum.filter((v) => v !== null);
    return { t: "e", v: values };
  }
  const variants = s.oneOf ?? s.anyOf;
  if (variants?.some((v) => resolveSchema(model, v).schema.type === "null")) return undefined;
  if (variants) return union(variants.map((v) => schemaToCompact(v, model, depth + 1)));
  if (s.allOf?.length === 1 && s.allOf[0]) return schemaToCompact(s.allOf[0], model, depth + 1);
  if (s.allOf?.length) return undefined;
  const all = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const types = all.filter((t) => t !== "null");
  if (all.length > types.length) return undefined;
  if (types.length === 0) return s.properties ? objectCompact(s, model, depth) : undefined;
  return union(types.map((t) => typeCompact(t, s, model, depth)));
}

function union(parts: Array<CompactSpecJson | undefined>): CompactSpecJson | undefined {
  if (parts.some((p) => p === undefined)) return undefined;
  return parts.length === 1 ? parts[0] : { t: "u", of: parts };
}

function typeCompact(
  type: string,
  s: JsonSchema,
  model: GenModel,
  depth: number,
): CompactSpecJson | undefined {
  switch (type) {
    case "string":
      if (s.format === "binary" || s.contentMediaType !== undefined) return undefined;
      return defined({
        t: "s",
        url: URL_FORMATS.has(s.format ?? "") ? 1 : undefined,
        min: s.minLength,
        max: s.maxLength,
        re: s.pattern,
      });
    case "integer":
    case "number":
      return defined({
        t: type === "integer" ? "i" : "n",
        gte: s.minimum,
        gt: s.exclusiveMinimum,
        lte: s.maximum,
        lt: s.exclusiveMaximum,
      });
    case "boolean":
      return { t: "b" };
    case "array": {
      const of = s.items ? schemaToCompact(s.items, model, depth + 1) : undefined;
      return of && defined({ t: "a", of, min: s.minItems, max: s.maxItems });
    }
    case "object":
      return objectCompact(s, model, depth);
    default:
      return undefined;
  }
}

/** The spec of an object (strict unless `additionalProperties: true`); the operation input's root. */
export function objectCompact(s: JsonSchema, model: GenModel, depth: number): CompactSpecJson | undefined {
  const entries = Object.entries(s.properties ?? {});
  if (entries.length === 0 && depth > 0) return undefined;
  const required = new Set(s.required ?? []);
  const sendDefaults = model["x-gen-request"]?.sendDefaults === true;
  const p: Record<string, CompactSpecJson> = {};
  for (const [name, prop] of entries) {
    const inner = schemaToCompact(prop, model, depth + 1);
    if (!inner) return undefined;
    const fallback = sendDefaults ? resolveSchema(model, prop).schema.default : undefined;
    p[name] = required.has(name)
      ? inner
      : fallback === undefined
        ? { ...inner, opt: 1 }
        : { ...inner, def: fallback };
  }
  return defined({ t: "o", p, loose: s.additionalProperties === true ? 1 : undefined });
}

function defined(o: Record<string, unknown>): CompactSpecJson {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
