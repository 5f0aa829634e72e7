import { type GenModel, type JsonSchema, resolveSchema } from "@gen/spec";
import type { EnumRegistry } from "./enum-registry.js";
import { literal, propKey } from "./names.js";

/** Options of the JSON Schema -> TypeScript type conversion. */
export interface TsTypeContext {
  model: GenModel;
  enums: EnumRegistry;
  /** Output types: every object also accepts unknown keys (lenient decode). */
  lenient: boolean;
  /** Name used for an inline named enum. */
  nameHint: string;
  depth?: number;
  /** Component names being expanded: a recursive `$ref` becomes `unknown`. */
  stack?: readonly string[];
}

/** Converts a JSON Schema into a TypeScript type expression. */
export function schemaToTs(schema: JsonSchema, ctx: TsTypeContext): string {
  const depth = ctx.depth ?? 0;
  if (depth > 12) return "unknown";
  const { schema: s, refName, target } = resolveSchema(ctx.model, schema);
  if (refName && ctx.stack?.includes(refName)) return "unknown";
  const hint = refName ?? ctx.nameHint;
  const stack = refName ? [...(ctx.stack ?? []), refName] : ctx.stack;
  const inner = { ...ctx, depth: depth + 1, nameHint: hint, ...(stack ? { stack } : {}) };
  const named = target?.enum && refName ? ctx.enums.register(target, refName) : undefined;
  let t = named ?? baseType(s, inner);
  if (s.nullable === true || (Array.isArray(s.type) && s.type.includes("null") && !t.includes("null"))) {
    t = `${wrap(t)} | null`;
  }
  return t;
}

function baseType(s: JsonSchema, ctx: TsTypeContext): string {
  if (s.const !== undefined) return literal(s.const);
  if (s.enum) {
    const named = ctx.enums.register(s, ctx.nameHint);
    return named ?? s.enum.map((v) => literal(v)).join(" | ");
  }
  const variants = s.oneOf ?? s.anyOf;
  if (variants) return [...new Set(variants.map((v) => wrap(schemaToTs(v, ctx))))].join(" | ");
  if (s.allOf) return s.allOf.map((v) => wrap(schemaToTs(v, ctx))).join(" & ");
  const all = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const types = all.filter((t) => t !== "null");
  if (all.length > 0 && types.length === 0) return "null";
  if (types.length === 0) return s.properties ? objectType(s, ctx) : "unknown";
  return types.map((t) => wrap(typeFor(t, s, ctx))).join(" | ");
}

function typeFor(type: string, s: JsonSchema, ctx: TsTypeContext): string {
  switch (type) {
    case "string":
      return isBinary(s) && !ctx.lenient ? "Blob | Uint8Array" : "string";
    case "integer":
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "array":
      return s.items
        ? `Array<${schemaToTs(s.items, { ...ctx, nameHint: `${ctx.nameHint}Item` })}>`
        : "unknown[]";
    case "object":
      return objectType(s, ctx);
    default:
      return "unknown";
  }
}

function objectType(s: JsonSchema, ctx: TsTypeContext): string {
  const props = Object.entries(s.properties ?? {});
  const required = new Set(s.required ?? []);
  const extra = s.additionalProperties;
  const lines = props.map(([name, p]) => {
    const doc = docComment(resolveSchema(ctx.model, p).schema);
    const opt = required.has(name) ? "" : "?";
    return `${doc}${propKey(name)}${opt}: ${schemaToTs(p, { ...ctx, nameHint: `${ctx.nameHint}_${name}` })};`;
  });
  if (ctx.lenient || extra === true) lines.push("[key: string]: unknown;");
  else if (typeof extra === "object") lines.push(`[key: string]: ${schemaToTs(extra, ctx)};`);
  if (lines.length === 0) return "Record<string, unknown>";
  // A documented member starts a line: TypeScript reads a JSDoc comment as the member's doc only
  // when a line break precedes it (on the line of `{` or `;` it is a trailing comment, and editors
  // show nothing on hover). The break replaces the separating space: no byte more.
  return `{${lines.map((l) => (l.startsWith("/**") ? `\n${l}` : ` ${l}`)).join("")} }`;
}

/** A file / bytes value: `format: binary` (3.0) or `contentMediaType` without `contentEncoding` (3.1). */
export function isBinary(s: JsonSchema): boolean {
  return s.format === "binary" || (s.contentMediaType !== undefined && s.contentEncoding === undefined);
}

function wrap(t: string): string {
  return /[|&]/.test(t) && !t.startsWith("{") ? `(${t})` : t;
}

/** One-line JSDoc of a schema's description (with default), or empty. */
export function docComment(p: JsonSchema): string {
  const parts: string[] = [];
  if (p.description) parts.push(p.description.replace(/\*\//g, "*\\/").replace(/\s+/g, " ").trim());
  if (p.default !== undefined) parts.push(`@default ${JSON.stringify(p.default)}`);
  return parts.length ? `/** ${parts.join(" ")} */ ` : "";
}
