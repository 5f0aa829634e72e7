import { getPath } from "./get-path.js";

/**
 * Add friendly output fields next to the raw ones: for each alias, the first dot path present in
 * the raw response `data` is copied to `value[alias]`. Non-object values are returned unchanged.
 */
export function applyOutputAliases<T>(
  value: T,
  data: unknown,
  aliases: Readonly<Record<string, string | readonly string[]>> | undefined,
): T {
  if (!aliases || value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const out = { ...(value as Record<string, unknown>) };
  for (const [alias, paths] of Object.entries(aliases)) {
    for (const path of typeof paths === "string" ? [paths] : paths) {
      const found = getPath(data, path);
      if (found !== undefined) {
        out[alias] = found;
        break;
      }
    }
  }
  return out as T;
}
