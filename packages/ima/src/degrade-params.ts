import { normalizeRuleValue } from "./normalize-rule-value.js";
import type { CreditRule } from "./product-types.js";

/** One parameter lowered after a 500, reported to the caller. */
export interface Degradation {
  field: string;
  from: unknown;
  to: unknown;
}

/** The vendor client's own degradation ladders (highest first), tried in this order. */
const LADDERS: ReadonlyArray<{ field: string; steps: readonly (string | number)[] }> = [
  { field: "resolution", steps: ["1080P", "720P", "540P"] },
  { field: "duration", steps: [15, 10, 5] },
];

function offered(rules: readonly CreditRule[], field: string, value: string | number): boolean {
  const priced = rules.filter((r) => Object.keys(r.attributes ?? {}).some((k) => k.toLowerCase() === field));
  if (!priced.length) return true;
  return priced.some((r) =>
    Object.entries(r.attributes ?? {}).some(
      ([k, v]) => k.toLowerCase() === field && normalizeRuleValue(v) === normalizeRuleValue(value),
    ),
  );
}

/**
 * The next lower setting after the vendor answered 500, as its own client does (resolution
 * 1080P -> 720P -> 540P first, then duration 15 -> 10 -> 5), skipping values no credit rule
 * prices. `undefined` when nothing can be lowered.
 */
export function degradeParams(
  params: Readonly<Record<string, unknown>>,
  rules: readonly CreditRule[] = [],
): { params: Record<string, unknown>; change: Degradation } | undefined {
  for (const { field, steps } of LADDERS) {
    const current = params[field];
    if (current === undefined) continue;
    const at = steps.findIndex((s) => normalizeRuleValue(s) === normalizeRuleValue(current));
    if (at < 0) continue;
    const next = steps.slice(at + 1).find((s) => offered(rules, field, s));
    if (next === undefined) continue;
    const to = typeof current === "string" ? String(next) : next;
    return { params: { ...params, [field]: to }, change: { field, from: current, to } };
  }
  return undefined;
}
