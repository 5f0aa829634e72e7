import type { StandardIssue, StandardSchemaV1 } from "./types.js";

/** A property of a `CompactSpec` object: `opt` = may be absent, `def` = value used when absent. */
export type CompactProp = CompactSpec & { opt?: 1; def?: unknown };

/**
 * A plain-data validator spec emitted by the generator per operation input (the same rules and
 * messages as the emitted zod/mini schema, without zod): `s` string (`url`, `min`/`max` length,
 * `re` pattern), `i` integer / `n` number (`gte`, `gt`, `lte`, `lt`), `b` boolean, `e` one of
 * `v` (`m` = the message, default `must be one of: <v>`), `a` array of `of` (`min`/`max` items), `o` object of `p` (`loose`: extra
 * keys kept, else rejected), `u` union of `of`.
 */
export interface CompactSpec {
  t: "s" | "i" | "n" | "b" | "e" | "a" | "o" | "u";
  url?: 1;
  min?: number;
  max?: number;
  re?: string;
  gte?: number;
  gt?: number;
  lte?: number;
  lt?: number;
  v?: readonly unknown[];
  m?: string;
  of?: CompactSpec | readonly CompactSpec[];
  p?: Record<string, CompactProp>;
  loose?: 1;
}

type Path = readonly PropertyKey[];
type Issue = StandardIssue & { code: string; keys?: string[]; continue?: boolean };

const TYPE: Record<string, string> = {
  s: "a string",
  i: "an integer",
  n: "a number",
  b: "a boolean",
  a: "an array",
  o: "an object",
};

function run(s: CompactSpec, v: unknown, path: Path, out: Issue[]): unknown {
  const start = out.length;
  // `go`: zod's `continue` (a failed check lets the next checks run; a failed type does not).
  const add = (code: string, message: string, go?: boolean) =>
    out.push(go === undefined ? { code, message, path } : { code, message, path, continue: go });
  const bad = (code = "invalid_type", go?: boolean) =>
    add(
      code,
      v === undefined ? "is required" : s.url ? "must be an http(s) URL" : `must be ${TYPE[s.t]}`,
      go,
    );
  // Length checks run on anything with a `length`, even after a failed type (as zod's do).
  const lengths = (value: unknown) => {
    const n = (value as { length?: number } | null)?.length;
    if (n === undefined || out.slice(start).some((i) => i.continue === false)) return;
    const [verb, unit] = s.t === "a" ? ["have", "item(s)"] : ["be", "characters"];
    if (s.min !== undefined && !(n >= s.min))
      add("too_small", `must ${verb} at least ${s.min} ${unit}`, true);
    if (s.max !== undefined && !(n <= s.max)) add("too_big", `must ${verb} at most ${s.max} ${unit}`, true);
  };
  const { t } = s;
  if (t === "b" && typeof v !== "boolean") bad();
  if (t === "e" && !s.v?.includes(v))
    add(
      "invalid_value",
      v === undefined ? "is required" : (s.m ?? `must be one of: ${s.v?.map(String).join(", ")}`),
    );
  if (t === "b" || t === "e") return v;
  if (t === "u") {
    const results = (s.of as CompactSpec[]).map((option) => {
      const issues: Issue[] = [];
      return { value: run(option, v, path, issues), issues };
    });
    // zod: the first option that passes; else the one option that failed only on checks; else a union issue.
    const near = results.filter((r) => r.issues.every((i) => i.continue === true));
    const pick = results.find((r) => !r.issues.length) ?? (near.length === 1 ? near[0] : undefined);
    if (!pick) add("invalid_union", "Invalid input");
    else out.push(...pick.issues);
    return pick ? pick.value : v;
  }
  if (t === "o") return runObject(s, v, path, out, bad);
  if (t === "i" || t === "n") {
    if (typeof v !== "number" || !Number.isFinite(v)) bad();
    else if (t === "i" && !Number.isInteger(v)) bad("invalid_type", false);
    else {
      if (t === "i" && !Number.isSafeInteger(v)) bad(v > 0 ? "too_big" : "too_small", true);
      if (s.gte !== undefined && !(v >= s.gte)) add("too_small", `must be >= ${s.gte}`, true);
      if (s.gt !== undefined && !(v > s.gt)) add("too_small", `must be > ${s.gt}`, true);
      if (s.lte !== undefined && !(v <= s.lte)) add("too_big", `must be <= ${s.lte}`, true);
      if (s.lt !== undefined && !(v < s.lt)) add("too_big", `must be < ${s.lt}`, true);
    }
    return v;
  }
  if (t === "a" ? !Array.isArray(v) : typeof v !== "string") {
    bad();
    lengths(v);
    return v;
  }
  if (t === "a") {
    // zod reports an over-long array alone, before looking at its items.
    if (s.max !== undefined && (v as unknown[]).length > s.max) {
      add("too_big", `must have at most ${s.max} item(s)`, false);
      return v;
    }
    const value = (v as unknown[]).map((item, i) => run(s.of as CompactSpec, item, [...path, i], out));
    lengths(v);
    return value;
  }
  let value = v as string;
  if (s.url) {
    const trimmed = value.trim();
    let ok = /^https?:\/\//i.test(trimmed);
    try {
      if (ok) new URL(trimmed);
    } catch {
      ok = false;
    }
    if (ok) value = trimmed.replace(/[\t\n\r]/g, "");
    else bad("invalid_format", true);
  }
  lengths(value);
  if (s.re !== undefined && !new RegExp(s.re).test(value)) add("invalid_format", `must match ${s.re}`, true);
  return value;
}

function runObject(s: CompactSpec, v: unknown, path: Path, out: Issue[], bad: () => void): unknown {
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    bad();
    return v;
  }
  const input = v as Record<string, unknown>;
  const value: Record<string, unknown> = {};
  const props = s.p ?? {};
  for (const [key, prop] of Object.entries(props)) {
    // Own properties only: a polluted Object.prototype supplies no field.
    const present = Object.hasOwn(input, key);
    const raw = present ? input[key] : undefined;
    if (raw === undefined && (prop.opt || "def" in prop)) {
      if ("def" in prop) value[key] = prop.def;
      else if (present) value[key] = undefined;
      continue;
    }
    const result = run(prop, raw, [...path, key], out);
    if (result !== undefined || present) value[key] = result;
  }
  const unknown: string[] = [];
  for (const key of Object.keys(input)) {
    if (Object.hasOwn(props, key)) continue;
    if (!s.loose) unknown.push(key);
    else if (key !== "__proto__") value[key] = input[key];
  }
  if (unknown.length)
    out.push({
      code: "unrecognized_keys",
      keys: unknown,
      path,
      continue: true,
      message: `unknown field(s) ${unknown.join(", ")}: send fields the catalog does not know with CallOptions.extraBody`,
    });
  return value;
}

/**
 * A Standard Schema validator from a `CompactSpec`: what a one-operation app bundles instead of
 * zod. Issues carry zod's codes (`invalid_type`, `too_big`, `unrecognized_keys` with `keys`, ...).
 */
export function compactSchema<Output>(spec: CompactSpec): StandardSchemaV1<unknown, Output> {
  return {
    "~standard": {
      version: 1,
      vendor: "gen",
      validate(input) {
        const issues: Issue[] = [];
        const value = run(spec, input, [], issues);
        return issues.length ? { issues } : { value: value as Output };
      },
    },
  };
}
