/** Read a dot path (`result.0.preview`) from a JSON value; `undefined` when any step is missing. */
export function getPath(value: unknown, path: string): unknown {
  if (path === "" || path === ".") return value;
  if (!path.includes(".")) {
    return value !== null && typeof value === "object" ? (value as Record<string, unknown>)[path] : undefined;
  }
  let current: unknown = value;
  for (const key of path.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
