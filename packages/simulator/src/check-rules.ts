import { checkRules as runRules } from "@gen/runtime";
import type { XGenRule } from "@gen/spec";

/**
 * Applies `x-gen-operation.rules` to an unwrapped body with the runtime's own rule engine, so the
 * simulator refuses exactly what a generated client refuses; problems as `field: message`.
 */
export function checkRules(rules: readonly XGenRule[], input: unknown): string[] {
  return runRules(input, rules).issues.map((i) => `${i.field}: ${i.message}`);
}
