import { getRequestBodySchema, listOperations, resolveSchema } from "@gen/spec";
import type { VendorEntry } from "./discover-vendors.js";
import { vendorModel } from "./vendor-model.js";

/**
 * Body-parameter defaults per operation id, read from the vendor's model (see vendorModel). They
 * document what the vendor applies when a field is left out, also where the SDK does not send them.
 */
export async function modelDefaults(entry: VendorEntry): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  const { model } = await vendorModel(entry);
  if (!model) return out;
  try {
    for (const op of listOperations(model)) {
      const defaults: Record<string, unknown> = {};
      for (const [name, prop] of Object.entries(getRequestBodySchema(model, op)?.properties ?? {})) {
        const value = resolveSchema(model, prop).schema.default;
        if (value !== undefined) defaults[name] = value;
      }
      out.set(op.operationId, defaults);
    }
  } catch {
    // a model the helpers cannot read only costs the documented defaults
  }
  return out;
}
