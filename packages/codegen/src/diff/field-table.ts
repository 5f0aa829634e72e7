import type { Bump, ModelChange } from "./model-change.js";

/** Where a differ reports a change (the operation, when any, is added by the caller). */
export type Emit = (change: Omit<ModelChange, "operation">) => void;

/** The named keys of `T`, without an `x-…` index signature (so every real field must be listed). */
export type KnownKeys<T> = keyof {
  [K in keyof T as string extends K ? never : `x-${string}` extends K ? never : K]: T[K];
};

/**
 * How one field of the plan is compared. Either a function that reports its changes, a plain
 * `{ bump, says }` (any change to the value is that bump, in those words), or `{ via }` naming
 * the other entry that already reports it (never silently skipped).
 */
export type FieldRule<Ctx, V> =
  | ((ctx: Ctx, a: V | undefined, b: V | undefined) => void)
  | { bump: Bump; says: string }
  | { via: string };

/**
 * One exhaustive table per plan object: a field added to `T` does not compile until its semver
 * effect is decided here.
 */
export type FieldTable<T, Ctx> = { [K in KnownKeys<T>]-?: FieldRule<Ctx, T[K]> };

/** Runs a table over two versions of one object; `where` prefixes the plain-words lines. */
export function runTable<T, Ctx extends { emit: Emit }>(
  table: FieldTable<T, Ctx>,
  ctx: Ctx,
  a: T | undefined,
  b: T | undefined,
  where: string,
  kind: string,
): void {
  for (const key of Object.keys(table) as Array<KnownKeys<T>>) {
    const rule = table[key] as FieldRule<Ctx, unknown>;
    if ("via" in rule) continue;
    const va = a?.[key];
    const vb = b?.[key];
    if (typeof rule === "function") rule(ctx, va, vb);
    else if (!sameJson(va, vb))
      ctx.emit({
        bump: rule.bump,
        kind: `${kind}-${String(key)}-changed`,
        message: `${where} \`${String(key)}\` changed from ${show(va)} to ${show(vb)}: ${rule.says}`,
      });
  }
}

/** Deep equality of JSON values, key order ignored. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortDeep(value)) ?? "undefined";
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((k) => [k, sortDeep((value as Record<string, unknown>)[k])]),
    );
  return value;
}

/** A value in a changelog line: short JSON, `none` when absent. */
export function show(value: unknown): string {
  if (value === undefined || value === null) return "none";
  const text = canonicalJson(value);
  return `\`${text.length > 60 ? `${text.slice(0, 57)}...` : text}\``;
}

/** Keys of two records split into removed, added and changed (JSON-compared). */
export function keyedDiff<V>(
  a: Record<string, V> | undefined,
  b: Record<string, V> | undefined,
): { removed: string[]; added: string[]; changed: string[] } {
  const ka = Object.keys(a ?? {});
  const kb = Object.keys(b ?? {});
  return {
    removed: ka.filter((k) => !(k in (b ?? {}))),
    added: kb.filter((k) => !(k in (a ?? {}))),
    changed: ka.filter((k) => k in (b ?? {}) && !sameJson(a?.[k], b?.[k])),
  };
}
