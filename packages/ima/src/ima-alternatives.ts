import type { ImaModelTable } from "./model-table.js";

/**
 * Models to suggest after a failure of `modelName` (the vendor's failure fallback table: first and
 * second alternative, `*` for any other model) or, after a timeout, the faster ones it names.
 */
export function imaAlternatives(
  table: ImaModelTable,
  modelName: string | undefined,
  outcome: "failed" | "timeout",
): string[] {
  const alts = table.alternatives ?? {};
  const list =
    (outcome === "timeout" ? alts["timeout"] : undefined) ??
    (modelName ? alts[modelName] : undefined) ??
    alts["*"] ??
    [];
  return list.filter((name) => name !== modelName);
}
