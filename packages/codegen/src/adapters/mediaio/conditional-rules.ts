import type { JsonSchema, XGenRule } from "@gen/spec";
import type { ConditionalOption } from "./prose-constraints.js";

/**
 * Turns options allowed only under a condition ("1080P (when duration is 6s)" on `resolution`)
 * into `excludeWhen` rules: the option is refused for every other value of the condition's field
 * (its enum), so an absent field (the vendor's default) is refused too when that default is another
 * value. A condition on a field without an enum cannot be enforced: `warn` says so.
 */
export function conditionalRules(
  conditionals: ReadonlyArray<ConditionalOption & { field: string }>,
  properties: Readonly<Record<string, JsonSchema>>,
  warn: (message: string, field: string) => void,
): XGenRule[] {
  const rules: XGenRule[] = [];
  for (const c of conditionals) {
    for (const [on, wanted] of Object.entries(c.when)) {
      const values = properties[on]?.enum?.map(String);
      if (!values?.includes(wanted)) {
        warn(
          `"${c.text}": ${on} has no option ${JSON.stringify(wanted)}; the condition is not enforced`,
          c.field,
        );
        continue;
      }
      const message = `${JSON.stringify(c.value)} is only allowed when ${on} is ${JSON.stringify(wanted)}`;
      for (const other of values.filter((v) => v !== wanted))
        rules.push({
          rule: "excludeWhen",
          field: c.field,
          values: [c.value],
          when: { [on]: other },
          message,
        });
      const fallback = properties[on]?.default;
      if (fallback !== undefined && String(fallback) !== wanted)
        warn(
          `"${c.text}": when ${on} is absent its default ${JSON.stringify(fallback)} applies and is not checked`,
          c.field,
        );
    }
  }
  return rules;
}
