import { type InputIssue, InvalidRequestError } from "./errors/invalid-request-error.js";
import { getPath } from "./get-path.js";
import type { InputRule } from "./types.js";

type Input = Record<string, unknown>;

/** Absent: undefined, null, an empty string or an empty array. */
function isPresent(value: unknown): boolean {
  return !(
    value === undefined ||
    value === null ||
    value === "" ||
    (Array.isArray(value) && value.length === 0)
  );
}

function matches(input: Input, when: Readonly<Record<string, unknown>> | undefined): boolean {
  if (!when) return true;
  return Object.entries(when).every(([field, want]) => {
    const have = getPath(input, field);
    return have !== undefined && have !== null && String(have) === String(want);
  });
}

function describeWhen(when: Readonly<Record<string, unknown>>): string {
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

/**
 * Apply an operation's cross-field rules to validated input: fill `defaultFrom` fields (returning a
 * new object, never mutating), then check `requiredWhen`, `forbiddenWhen`, `count`,
 * `excludeWhen` (conditional enums) and `oneOfRequired`. Violations throw one `InvalidRequestError` naming each field and rule.
 */
export function applyRules<T>(input: T, rules: readonly InputRule[] | undefined, vendor?: string): T {
  if (!rules?.length || input === null || typeof input !== "object") return input;
  let value = input as Input;
  for (const r of rules) {
    if (r.rule === "defaultFrom" && !isPresent(getPath(value, r.field)) && matches(value, r.when)) {
      const from = getPath(value, r.from);
      if (isPresent(from)) value = setPath(value, r.field, from);
    }
  }
  const issues: InputIssue[] = [];
  for (const r of rules) {
    if (r.rule === "requiredWhen" && matches(value, r.when) && !isPresent(getPath(value, r.field))) {
      issues.push({
        field: r.field,
        rule: r.rule,
        message: r.message ?? `required when ${describeWhen(r.when)}`,
      });
    } else if (r.rule === "forbiddenWhen" && matches(value, r.when) && isPresent(getPath(value, r.field))) {
      issues.push({
        field: r.field,
        rule: r.rule,
        message: r.message ?? `not allowed when ${describeWhen(r.when)}`,
      });
    } else if (r.rule === "count" && matches(value, r.when)) {
      const v = getPath(value, r.field);
      const n = Array.isArray(v) ? v.length : isPresent(v) ? 1 : 0;
      const range =
        r.min !== undefined && r.max !== undefined
          ? r.min === r.max
            ? `exactly ${r.min}`
            : `${r.min} to ${r.max}`
          : r.min !== undefined
            ? `at least ${r.min}`
            : `at most ${r.max}`;
      if ((r.min !== undefined && n < r.min) || (r.max !== undefined && n > r.max)) {
        const when = r.when ? ` when ${describeWhen(r.when)}` : "";
        issues.push({ field: r.field, rule: r.rule, message: `needs ${range} item(s), got ${n}${when}` });
      }
    } else if (r.rule === "excludeWhen" && matches(value, r.when)) {
      const v = getPath(value, r.field);
      if (isPresent(v) && r.values.some((x) => String(x) === String(v))) {
        issues.push({
          field: r.field,
          rule: r.rule,
          message: r.message ?? `${JSON.stringify(v)} is not allowed when ${describeWhen(r.when)}`,
        });
      }
    } else if (r.rule === "oneOfRequired" && !r.fields.some((f) => isPresent(getPath(value, f)))) {
      issues.push({
        field: r.fields.join("|"),
        rule: r.rule,
        message: r.message ?? `one of ${r.fields.join(", ")} is required`,
      });
    }
  }
  if (issues.length) throw InvalidRequestError.fromIssues(issues, { vendor });
  return value as T;
}
