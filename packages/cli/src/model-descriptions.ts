import { listOperations } from "@gen/spec";
import type { VendorEntry } from "./discover-vendors.js";
import { vendorModel } from "./vendor-model.js";

/**
 * The catalog's description of each operation (by operation id): from the vendor's model, else
 * the one-line summary its manifest carries (a package installed without a model).
 */
export async function modelDescriptions(entry: VendorEntry): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const op of entry.manifest?.operations ?? []) if (op.summary) out.set(op.id, op.summary);
  const { model } = await vendorModel(entry);
  if (!model) return out;
  for (const op of listOperations(model)) {
    const text = op.operation.description ?? op.operation.summary;
    if (text) out.set(op.operationId, text.replace(/\s+/g, " ").trim());
  }
  return out;
}
