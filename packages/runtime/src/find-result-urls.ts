/**
 * The downloadable URLs of a result: with `paths` (dot paths, `*` for array items, e.g. the
 * operation's or the task protocol's `resultUrlPaths`) only those; otherwise, or when they hold
 * none, every http(s) string in it. No duplicates. Shared by the surfaces (cli, mcp, ai-sdk).
 */
export function findResultUrls(result: unknown, paths?: readonly string[]): string[] {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === "string") {
      if (/^https?:\/\//i.test(value)) found.add(value);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (typeof value === "object" && value !== null) {
      for (const item of Object.values(value)) visit(item);
    }
  };
  if (paths && paths.length > 0) {
    for (const path of paths) for (const value of select(result, path.split("."))) visit(value);
  }
  if (found.size === 0) visit(result);
  return [...found];
}

function select(value: unknown, keys: readonly string[]): unknown[] {
  if (keys.length === 0) return [value];
  const [key, ...rest] = keys as [string, ...string[]];
  if (key === "*") return Array.isArray(value) ? value.flatMap((item) => select(item, rest)) : [];
  if (typeof value !== "object" || value === null) return [];
  return select((value as Record<string, unknown>)[key], rest);
}
