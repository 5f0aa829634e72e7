import type { XGenRule } from "@gen/spec";
import { getPath } from "./json-path.js";

const present = (v: unknown) => v !== undefined && v !== null && v !== "";

function matches(input: unknown, when: Record<string, unknown> | undefined): boolean {
  if (!when) return true;
  return Object.entries(when).every(([k, v]) => {
    const actual = getPath(input, k);
    return present(actual) && String(actual) === String(v);
  });
}

const describeWhen = (when: Record<string, unknown>) =>
  Object.entries(when)
    .map(([k, v]) => `${k} is ${JSON.stringify(v)}`)
    .join(" and ");

/** Applies `x-gen-operation.rules` (vendor-neutral cross-field rules) to an unwrapped body. */
export function checkRules(rules: readonly XGenRule[], input: unknown): string[] {
  const problems: string[] = [];
  for (const r of rules) {
    switch (r.rule) {
      case "requiredWhen":
        if (matches(input, r.when) && !present(getPath(input, r.field)))
          problems.push(`${r.field}: ${r.message ?? `is required when ${describeWhen(r.when)}`}`);
        break;
      case "forbiddenWhen":
        if (matches(input, r.when) && present(getPath(input, r.field)))
          problems.push(`${r.field}: ${r.message ?? `is not allowed when ${describeWhen(r.when)}`}`);
        break;
      case "count": {
        const value = getPath(input, r.field);
        if (!matches(input, r.when) || !Array.isArray(value)) break;
        if (r.min !== undefined && value.length < r.min)
          problems.push(`${r.field}: must have at least ${r.min} items`);
        if (r.max !== undefined && value.length > r.max)
          problems.push(`${r.field}: must have at most ${r.max} items`);
        break;
      }
      case "excludeWhen": {
        const value = getPath(input, r.field);
        if (matches(input, r.when) && present(value) && r.values.some((x) => String(x) === String(value)))
          problems.push(
            `${r.field}: ${r.message ?? `${JSON.stringify(value)} is not allowed when ${describeWhen(r.when)}`}`,
          );
        break;
      }
      case "oneOfRequired":
        if (!r.fields.some((f) => present(getPath(input, f))))
          problems.push(`${r.fields.join(" | ")}: ${r.message ?? "one of these is required"}`);
        break;
      default:
        break;
    }
  }
  return problems;
}
