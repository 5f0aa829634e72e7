import { type GenModel, type JsonSchema, resolveSchema } from "@gen/spec";
import type { ModelChange } from "./model-change.js";

type Emit = (change: Omit<ModelChange, "operation">) => void;

const LOWER_BOUNDS = ["minimum", "exclusiveMinimum", "minLength", "minItems"] as const;
const UPPER_BOUNDS = ["maximum", "exclusiveMaximum", "maxLength", "maxItems"] as const;

/**
 * Compares the schema of one input field (request side): narrowing is major, widening minor,
 * documentation patch. `where` names the field in messages (`` `prompt` of `makeDiagram` ``).
 */
export function diffInputSchema(
  before: { model: GenModel; schema: JsonSchema },
  after: { model: GenModel; schema: JsonSchema },
  where: string,
  emit: Emit,
  depth = 0,
): void {
  if (depth > 8) return;
  const ra = safeResolve(before.model, before.schema);
  const rb = safeResolve(after.model, after.schema);
  const na = splitNull(before.model, ra);
  const nb = splitNull(after.model, rb);
  if (na.nullable !== nb.nullable)
    emit({
      bump: nb.nullable ? "minor" : "major",
      kind: nb.nullable ? "nullable-added" : "nullable-removed",
      message: `${where}: ${nb.nullable ? "now also accepts null" : "no longer accepts null"}`,
    });
  const a = na.schema;
  const b = nb.schema;
  const va = a.oneOf ?? a.anyOf;
  const vb = b.oneOf ?? b.anyOf;
  if (va || vb) {
    diffVariants(before.model, va ?? [a], after.model, vb ?? [b], where, emit, depth);
    return;
  }
  const ta = typeList(a);
  const tb = typeList(b);
  if (ta.join() !== tb.join()) {
    const widened =
      tb.length === 0 ||
      (ta.length > 0 && ta.every((t) => tb.includes(t) || (t === "integer" && tb.includes("number"))));
    emit({
      bump: widened ? "minor" : "major",
      kind: widened ? "type-widened" : "type-changed",
      message: `${where}: type changed from ${ta.join(" | ") || "any"} to ${tb.join(" | ") || "any"}`,
    });
  }
  diffEnum(a, b, where, emit);
  diffBounds(a, b, where, emit);
  if (a.pattern !== b.pattern) {
    emit({
      bump: b.pattern === undefined ? "minor" : "major",
      kind: b.pattern === undefined ? "pattern-removed" : "pattern-changed",
      message:
        b.pattern === undefined
          ? `${where}: pattern \`${a.pattern}\` removed`
          : `${where}: must now match \`${b.pattern}\``,
    });
  }
  if ((a.description ?? "") !== (b.description ?? ""))
    emit({ bump: "patch", kind: "description-changed", message: `${where}: description updated` });
  if (JSON.stringify(a.default) !== JSON.stringify(b.default)) {
    emit({
      bump: "patch",
      kind: "default-changed",
      message: `${where}: default changed from ${show(a.default)} to ${show(b.default)}`,
    });
  }
  if (a.items && b.items)
    diffInputSchema(
      { model: before.model, schema: a.items },
      { model: after.model, schema: b.items },
      `${where} items`,
      emit,
      depth + 1,
    );
  diffProperties(before.model, a, after.model, b, where, emit, depth);
}

function diffEnum(a: JsonSchema, b: JsonSchema, where: string, emit: Emit): void {
  const ea = a.const !== undefined ? [a.const] : a.enum;
  const eb = b.const !== undefined ? [b.const] : b.enum;
  if (!ea && !eb) return;
  if (ea && !eb) {
    emit({ bump: "minor", kind: "enum-removed", message: `${where}: any value is now accepted` });
    return;
  }
  if (!ea && eb) {
    emit({
      bump: "major",
      kind: "enum-narrowed",
      message: `${where}: now limited to ${eb.map(show).join(", ")}`,
    });
    return;
  }
  const sa = new Set((ea ?? []).map((v) => JSON.stringify(v)));
  const sb = new Set((eb ?? []).map((v) => JSON.stringify(v)));
  const removed = [...sa].filter((v) => !sb.has(v));
  const added = [...sb].filter((v) => !sa.has(v));
  if (removed.length)
    emit({
      bump: "major",
      kind: "enum-narrowed",
      message: `${where}: value(s) ${removed.map(code).join(", ")} no longer accepted`,
    });
  if (added.length)
    emit({
      bump: "minor",
      kind: "enum-widened",
      message: `${where}: new value(s) ${added.map(code).join(", ")}`,
    });
}

function diffBounds(a: JsonSchema, b: JsonSchema, where: string, emit: Emit): void {
  for (const key of LOWER_BOUNDS) compareBound(key, a[key], b[key], "lower", where, emit);
  for (const key of UPPER_BOUNDS) compareBound(key, a[key], b[key], "upper", where, emit);
}

function compareBound(
  key: string,
  before: number | undefined,
  after: number | undefined,
  side: "lower" | "upper",
  where: string,
  emit: Emit,
): void {
  if (before === after) return;
  const narrowed =
    after !== undefined && (before === undefined || (side === "lower" ? after > before : after < before));
  const change =
    before === undefined
      ? `${key} set to ${after}`
      : after === undefined
        ? `${key} ${before} removed`
        : `${key} changed from ${before} to ${after}`;
  emit({
    bump: narrowed ? "major" : "minor",
    kind: narrowed ? "range-narrowed" : "range-widened",
    message: `${where}: ${change}`,
  });
}

function diffProperties(
  ma: GenModel,
  a: JsonSchema,
  mb: GenModel,
  b: JsonSchema,
  where: string,
  emit: Emit,
  depth: number,
): void {
  const pa = a.properties ?? {};
  const pb = b.properties ?? {};
  const ra = new Set(a.required ?? []);
  const rb = new Set(b.required ?? []);
  for (const name of Object.keys(pa).sort()) {
    const field = `${where}.${name}`;
    const next = pb[name];
    if (!next) {
      emit({ bump: "major", kind: "property-removed", message: `${field}: removed` });
      continue;
    }
    if (!ra.has(name) && rb.has(name))
      emit({ bump: "major", kind: "property-now-required", message: `${field}: now required` });
    if (ra.has(name) && !rb.has(name))
      emit({ bump: "minor", kind: "property-now-optional", message: `${field}: now optional` });
    diffInputSchema(
      { model: ma, schema: pa[name] as JsonSchema },
      { model: mb, schema: next },
      field,
      emit,
      depth + 1,
    );
  }
  for (const name of Object.keys(pb).sort()) {
    if (name in pa) continue;
    const required = rb.has(name);
    emit({
      bump: required ? "major" : "minor",
      kind: required ? "property-added-required" : "property-added",
      message: `${where}.${name}: added (${required ? "required" : "optional"})`,
    });
  }
}

/**
 * A schema without its null alternative, and whether it had one: 3.0 `nullable: true`, 3.1
 * `type: [X, "null"]`, or `anyOf`/`oneOf` with a `{ type: "null" }` variant (one other variant:
 * that variant itself).
 */
function splitNull(model: GenModel, s: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  if (s.nullable === true) {
    const { nullable: _n, ...rest } = s;
    return { schema: rest, nullable: true };
  }
  if (Array.isArray(s.type) && s.type.includes("null") && s.type.length > 1) {
    const types = s.type.filter((t) => t !== "null");
    return { schema: { ...s, type: types.length === 1 ? (types[0] as string) : types }, nullable: true };
  }
  const key = s.oneOf ? "oneOf" : s.anyOf ? "anyOf" : undefined;
  if (!key) return { schema: s, nullable: false };
  const list = s[key] ?? [];
  const rest = list.filter((v) => typeList(safeResolve(model, v)).join() !== "null");
  if (rest.length === list.length) return { schema: s, nullable: false };
  if (rest.length === 1) return { schema: safeResolve(model, rest[0] as JsonSchema), nullable: true };
  return { schema: { ...s, [key]: rest }, nullable: true };
}

/**
 * The variants of a union (or a plain schema as one variant), matched by their discriminating
 * constant (a property pinned by `const` or a one-value `enum`) where both have one, else by
 * position: a removed variant is major, an added one minor, changes inside each as for a schema.
 */
export function diffVariants(
  ma: GenModel,
  a: readonly JsonSchema[],
  mb: GenModel,
  b: readonly JsonSchema[],
  where: string,
  emit: Emit,
  depth: number,
): void {
  const key = (m: GenModel, v: JsonSchema, i: number) => variantKey(m, v) ?? `#${i + 1}`;
  const ka = a.map((v, i) => key(ma, v, i));
  const kb = b.map((v, i) => key(mb, v, i));
  ka.forEach((k, i) => {
    const j = kb.indexOf(k);
    const label = a.length > 1 || b.length > 1 ? `${where} (variant ${k})` : where;
    if (j === -1) {
      emit({ bump: "major", kind: "variant-removed", message: `${label}: this shape is no longer accepted` });
      return;
    }
    diffInputSchema(
      { model: ma, schema: a[i] as JsonSchema },
      { model: mb, schema: b[j] as JsonSchema },
      label,
      emit,
      depth + 1,
    );
  });
  for (const k of kb)
    if (!ka.includes(k))
      emit({ bump: "minor", kind: "variant-added", message: `${where} (variant ${k}): new accepted shape` });
}

/** `prop=value` of the first property a variant pins to one constant, if any. */
function variantKey(model: GenModel, v: JsonSchema): string | undefined {
  const s = safeResolve(model, v);
  for (const [name, p] of Object.entries(s.properties ?? {})) {
    const r = safeResolve(model, p);
    const value = r.const !== undefined ? r.const : r.enum?.length === 1 ? r.enum[0] : undefined;
    if (value !== undefined) return `${name}=${String(value)}`;
  }
  return undefined;
}

function safeResolve(model: GenModel, schema: JsonSchema): JsonSchema {
  try {
    return resolveSchema(model, schema).schema;
  } catch {
    return {};
  }
}

function typeList(s: JsonSchema): string[] {
  const t = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  return [...new Set(t)].sort();
}

function show(v: unknown): string {
  return v === undefined ? "none" : code(JSON.stringify(v));
}

function code(text: string): string {
  return `\`${text}\``;
}
