/** Merges `overlay` into `base`: objects recursively, everything else (arrays too) replaced. */
export function deepMerge<T>(base: T, overlay: unknown): T {
  if (!isPlain(base) || !isPlain(overlay)) return (overlay === undefined ? base : overlay) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(overlay)) out[k] = k in out ? deepMerge(out[k], v) : v;
  return out as T;
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
