import { normalizeAttributes, normalizeRuleValue } from "./normalize-rule-value.js";
import type { CreditRule } from "./product-types.js";

/** Why a rule was chosen, for reports and tests. */
export type CreditRuleMatch = "exact" | "partial" | "default" | "first";

export interface SelectedCreditRule {
  rule: CreditRule;
  match: CreditRuleMatch;
}

/** True when the rule carries the `default: enabled` marker. */
export function isDefaultRule(rule: CreditRule): boolean {
  const attrs = rule.attributes ?? {};
  return Object.entries(attrs).some(
    ([k, v]) => k.trim().toLowerCase() === "default" && normalizeRuleValue(v) === "ENABLED",
  );
}

/**
 * Choose the credit rule for a request (parameters after virtual-field mapping). Keys compare
 * lower-case, values normalised: the first non-default rule whose attributes all equal the
 * request; else the non-default rule with most matching attributes (at least one, first on a
 * tie); else the default rule; else the first rule. `undefined` only when there are no rules.
 */
export function selectCreditRule(
  rules: readonly CreditRule[] | undefined,
  params: Readonly<Record<string, unknown>>,
): SelectedCreditRule | undefined {
  if (!rules?.length) return undefined;
  const request = normalizeAttributes(params);
  const candidates = rules
    .filter((rule) => !isDefaultRule(rule))
    .map((rule) => ({ rule, attrs: normalizeAttributes(rule.attributes ?? {}) }))
    .filter((c) => c.attrs.size > 0);
  const exact = candidates.find((c) => [...c.attrs].every(([k, v]) => request.get(k) === v));
  if (exact) return { rule: exact.rule, match: "exact" };
  let best: CreditRule | undefined;
  let bestCount = 0;
  for (const c of candidates) {
    const count = [...c.attrs].filter(([k, v]) => request.get(k) === v).length;
    if (count > bestCount) {
      best = c.rule;
      bestCount = count;
    }
  }
  if (best) return { rule: best, match: "partial" };
  const fallback = rules.find(isDefaultRule);
  if (fallback) return { rule: fallback, match: "default" };
  return { rule: rules[0]!, match: "first" };
}
