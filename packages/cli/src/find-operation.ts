import { moduleOperations, type OperationDefinition } from "@gen/runtime";
import { usageError } from "./cli-error.js";
import { closestNames } from "./closest-names.js";
import type { LoadedVendor } from "./vendors.js";

/** The operation definitions a vendor package exports (`<id>Operation`), in export order. */
export function operationsOf(vendor: LoadedVendor): OperationDefinition[] {
  return moduleOperations(vendor.module);
}

/**
 * Finds an operation by generated name, vendor name or alias: exactly first, then ignoring case,
 * spaces, dashes and underscores (`text_to_video` finds `textToVideo`). Usage error otherwise,
 * with the closest names.
 */
export function findOperation(vendor: LoadedVendor, wanted: string): OperationDefinition {
  const operations = operationsOf(vendor);
  const names = (op: OperationDefinition) => [op.id, op.name, ...(op.aliases ?? [])];
  const exact = operations.find((op) => names(op).includes(wanted));
  if (exact) return exact;
  const key = normalise(wanted);
  const loose = operations.filter((op) => names(op).some((n) => normalise(n) === key));
  if (loose.length === 1) return loose[0] as OperationDefinition;
  const id = vendor.entry.id;
  const idOf = new Map(operations.flatMap((op) => names(op).map((n) => [n, op.id] as const)));
  const close = [...new Set(closestNames(wanted, [...idOf.keys()], normalise, 20).map((n) => idOf.get(n)!))];
  const hint = close.length
    ? `Did you mean: ${close.slice(0, 5).join(", ")}?`
    : `Run \`gen list ${id}\` to see its operations.`;
  throw usageError(
    loose.length > 1
      ? `Operation "${wanted}" is ambiguous for ${id}`
      : `Unknown operation "${wanted}" for ${id}`,
    hint,
  );
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/[\s_\-./]/g, "");
}
