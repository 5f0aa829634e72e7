/** Writes a dot path, creating objects (or arrays before numeric / `*` segments, `*` = index 0). */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".").map((k) => (k === "*" ? "0" : k));
  let current: Record<string, unknown> = target;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      current[key] = value;
      return;
    }
    const next = current[key];
    if (next === null || typeof next !== "object") {
      current[key] = /^\d+$/.test(keys[i + 1] ?? "") ? [] : {};
    }
    current = current[key] as Record<string, unknown>;
  });
}
