/**
 * Canonical form of a parameter value for credit-rule matching: booleans (and their string
 * forms) become `"true"`/`"false"`, everything else a trimmed upper-case string.
 */
export function normalizeRuleValue(value: unknown): string {
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = String(value ?? "").trim();
  const lower = text.toLowerCase();
  if (lower === "true" || lower === "false") return lower;
  return text.toUpperCase();
}

/** Lower-cased keys and normalised values; the `default: enabled` marker is dropped. */
export function normalizeAttributes(attributes: Readonly<Record<string, unknown>>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(attributes)) {
    const k = key.trim().toLowerCase();
    if (k === "default" && normalizeRuleValue(value) === "ENABLED") continue;
    if (value === undefined || value === null) continue;
    out.set(k, normalizeRuleValue(value));
  }
  return out;
}
