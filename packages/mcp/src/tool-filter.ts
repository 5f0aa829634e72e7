/** Which tools to serve: vendor ids and operation names (`t2vWanV26`, `mediaio_t2vWanV26`, `mediaio_*`). */
export interface ToolFilter {
  vendors?: readonly string[] | undefined;
  operations?: readonly string[] | undefined;
}

/** True when a tool passes the filter (an empty or absent list lets everything through). */
export function matchesFilter(filter: ToolFilter, vendor: string, names: readonly string[]): boolean {
  const vendors = filter.vendors ?? [];
  if (vendors.length > 0 && !vendors.some((v) => v.toLowerCase() === vendor)) return false;
  const patterns = filter.operations ?? [];
  if (patterns.length === 0) return true;
  const keys = names.map(normalise);
  return patterns.some((pattern) => {
    const key = normalise(pattern);
    if (!key.endsWith("*")) return keys.includes(key);
    return keys.some((k) => k.startsWith(key.slice(0, -1)));
  });
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/[\s\-./]/g, "");
}
