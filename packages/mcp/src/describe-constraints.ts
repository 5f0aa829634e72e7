import type { JsonSchema } from "@gen/spec";

/** One line per constrained parameter (`size: one of 16:9|9:16`), for a tool's description. */
export function describeConstraints(schema: JsonSchema): string[] {
  const required = new Set(schema.required ?? []);
  const lines: string[] = [];
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const parts = [required.has(name) ? "required" : ""];
    const values = prop.enum ?? prop.items?.enum;
    if (values) parts.push(`one of ${values.map(String).join("|")}`);
    const low = prop.minimum ?? prop.exclusiveMinimum;
    const high = prop.maximum ?? prop.exclusiveMaximum;
    if (low !== undefined || high !== undefined) parts.push(`range ${low ?? ""}..${high ?? ""}`);
    if (prop.maxLength !== undefined) parts.push(`max length ${prop.maxLength}`);
    if (prop.maxItems !== undefined) parts.push(`max items ${prop.maxItems}`);
    if (prop.default !== undefined) parts.push(`default ${JSON.stringify(prop.default)}`);
    const text = parts.filter(Boolean).join(", ");
    if (text) lines.push(`${name}: ${text}`);
  }
  return lines;
}
