import { readFile } from "node:fs/promises";
import { type GenModel, getRequestBodySchema, listOperations, resolveSchema } from "@gen/spec";
import type { VendorEntry } from "./discover-vendors.js";
import { packageModelPath } from "./package-model-path.js";

/**
 * Body-parameter defaults per operation id, read from the model a vendor package ships. They
 * document what the vendor applies when a field is left out, also where the SDK does not send them.
 */
export async function modelDefaults(entry: VendorEntry): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  const path = packageModelPath(entry);
  if (!path) return out;
  try {
    const model = JSON.parse(await readFile(path, "utf8")) as GenModel;
    for (const op of listOperations(model)) {
      const defaults: Record<string, unknown> = {};
      for (const [name, prop] of Object.entries(getRequestBodySchema(model, op)?.properties ?? {})) {
        const value = resolveSchema(model, prop).schema.default;
        if (value !== undefined) defaults[name] = value;
      }
      out.set(op.operationId, defaults);
    }
  } catch {
    // an unreadable model only costs the documented defaults
  }
  return out;
}
