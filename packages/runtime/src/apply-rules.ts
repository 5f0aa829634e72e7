import { checkRules } from "./check-rules.js";
import { InvalidRequestError } from "./errors/invalid-request-error.js";
import type { InputRule } from "./types.js";

/**
 * Apply an operation's cross-field rules to validated input (see `checkRules` for the semantics):
 * returns the input with `defaultFrom` fields filled; violations throw one `InvalidRequestError`
 * naming each field and rule.
 */
export function applyRules<T>(input: T, rules: readonly InputRule[] | undefined, vendor?: string): T {
  const { value, issues } = checkRules(input, rules);
  if (issues.length) throw InvalidRequestError.fromIssues(issues, { vendor });
  return value;
}
