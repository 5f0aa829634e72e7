import type { InputIssue } from "./errors/invalid-request-error.js";
import { getPath } from "./get-path.js";
import type { InputRule } from "./types.js";

type Input = Record<string, unknown>;
type When = Readonly<Record<string, unknown>>;

/**
 * The one definition of "given" for every rule, in the client and in the simulator: `undefined`,
 * `null`, `""` and `[]` are absent (an empty string or an empty list supplies nothing a vendor can
 * use); everything else, `0` and `false` included, is present.
 */
export function isPresent(value: unknown): boolean {
  return !(
    value === undefined ||
    value === null ||
    value === "" ||
    (Array.isArray(value) && value.length === 0)
  );
}

/**
 * A `when` holds when every listed field is present (see `isPresent`) and equals the wanted value,
 * compared as strings (`5` and `"5"` match). An absent field, `""` included, matches no value.
 */
export function matchesWhen(input: unknown, when: When | undefined): boolean {
  if (!when) return true;
  for (const field in when) {
    const have = getPath(input, field);
    if (!isPresent(have) || String(have) !== String(when[field])) return false;
  }
  return true;
}

function describeWhen(when: When): string {
  return Object.entries(when)
    .map(([k, v]) => `${k} is ${JSON.stringify(v)}`)
    .join(" and ");
}

function setPath(input: Input, path: string, value: unknown): Input {
  const [head, ...rest] = path.split(".");
  const key = head!;
  if (rest.length === 0) return { ...input, [key]: value };
  const child = input[key];
  const base = child !== null && typeof child === "object" ? (child as Input) : {};
  return { ...input, [key]: setPath(base, rest.join("."), value) };
}

function rangeText(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${min}` : `${min} to ${max}`;
  return min !== undefined ? `at least ${min}` : `at most ${max}`;
}

/** The outcome of `checkRules`: the input with `defaultFrom` fields filled, and every violation. */
export interface RulesOutcome<T> {
  value: T;
  issues: InputIssue[];
}

/**
 * The one rule engine (runtime and simulator both call it). Fills `defaultFrom` fields (a new
 * object, never mutating), then checks `requiredWhen`, `forbiddenWhen`, `count` (an absent field
 * counts 0 items, a single value 1), `excludeWhen` and `oneOfRequired`. Pure: no throw, no I/O.
 */
export function checkRules<T>(input: T, rules: readonly InputRule[] | undefined): RulesOutcome<T> {
  if (!rules?.length || input === null || typeof input !== "object") return { value: input, issues: [] };
  let value = input as Input;
  for (const r of rules) {
    if (r.rule === "defaultFrom" && !isPresent(getPath(value, r.field)) && matchesWhen(value, r.when)) {
      const from = getPath(value, r.from);
      if (isPresent(from)) value = setPath(value, r.field, from);
    }
  }
  const issues: InputIssue[] = [];
  const add = (field: string, rule: string, message: string) => issues.push({ field, rule, message });
  for (const r of rules) {
    if (r.rule === "requiredWhen") {
      if (matchesWhen(value, r.when) && !isPresent(getPath(value, r.field)))
        add(r.field, r.rule, r.message ?? `required when ${describeWhen(r.when)}`);
    } else if (r.rule === "forbiddenWhen") {
      if (matchesWhen(value, r.when) && isPresent(getPath(value, r.field)))
        add(r.field, r.rule, r.message ?? `not allowed when ${describeWhen(r.when)}`);
    } else if (r.rule === "count") {
      if (!matchesWhen(value, r.when)) continue;
      const v = getPath(value, r.field);
      const n = Array.isArray(v) ? v.length : isPresent(v) ? 1 : 0;
      if ((r.min !== undefined && n < r.min) || (r.max !== undefined && n > r.max)) {
        const when = r.when ? ` when ${describeWhen(r.when)}` : "";
        add(r.field, r.rule, `needs ${rangeText(r.min, r.max)} item(s), got ${n}${when}`);
      }
    } else if (r.rule === "excludeWhen") {
      const v = getPath(value, r.field);
      if (matchesWhen(value, r.when) && isPresent(v) && r.values.some((x) => String(x) === String(v)))
        add(r.field, r.rule, r.message ?? `${JSON.stringify(v)} is not allowed when ${describeWhen(r.when)}`);
    } else if (r.rule === "oneOfRequired") {
      if (!r.fields.some((f) => isPresent(getPath(value, f))))
        add(r.fields.join("|"), r.rule, r.message ?? `one of ${r.fields.join(", ")} is required`);
    }
  }
  return { value: value as T, issues };
}
