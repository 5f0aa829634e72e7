import type { XGenRule } from "@gen/spec";
import { describeRule } from "./describe-rule.js";
import { canonicalJson, type Emit } from "./field-table.js";

/** A rule's identity: everything but its message (a reworded message is documentation). */
const identity = (r: XGenRule) => canonicalJson({ ...r, message: undefined });

/**
 * Compares an operation's cross-field rules. A new rule that can refuse input is major (input
 * that worked is refused); dropping one is minor. A new `defaultFrom` is minor (it only fills
 * absent input); dropping one is major (the field is no longer filled).
 */
export function diffRules(
  a: readonly XGenRule[] | undefined,
  b: readonly XGenRule[] | undefined,
  op: string,
  emit: Emit,
): void {
  const before = new Map((a ?? []).map((r) => [identity(r), r]));
  const after = new Map((b ?? []).map((r) => [identity(r), r]));
  for (const [id, r] of after) {
    const old = before.get(id);
    if (old) {
      if ((old as { message?: string }).message !== (r as { message?: string }).message)
        emit({
          bump: "patch",
          kind: "rule-message-changed",
          message: `\`${op}\`: reworded the message of the rule "${describeRule(r)}"`,
        });
      continue;
    }
    const fills = r.rule === "defaultFrom";
    emit({
      bump: fills ? "minor" : "major",
      kind: "rule-added",
      message: `\`${op}\`: new rule: ${describeRule(r)}${fills ? "" : " (input accepted before may now be refused)"}`,
    });
  }
  for (const [id, r] of before) {
    if (after.has(id)) continue;
    const fills = r.rule === "defaultFrom";
    emit({
      bump: fills ? "major" : "minor",
      kind: "rule-removed",
      message: `\`${op}\`: rule removed: ${describeRule(r)}${fills ? " (the field is no longer filled)" : ""}`,
    });
  }
}
