import { readFile } from "node:fs/promises";
import type { GenModel } from "@gen/spec";
import { listOperations } from "@gen/spec";
import type { VendorEntry } from "./discover-vendors.js";
import { packageModelPath } from "./package-model-path.js";

/** The catalog's description of each operation (by operation id), from the model a package ships. */
export async function modelDescriptions(entry: VendorEntry): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const path = packageModelPath(entry);
  if (!path) return out;
  try {
    const model = JSON.parse(await readFile(path, "utf8")) as GenModel;
    for (const op of listOperations(model)) {
      const text = op.operation.description ?? op.operation.summary;
      if (text) out.set(op.operationId, text.replace(/\s+/g, " ").trim());
    }
  } catch {
    // an unreadable model only costs the descriptions
  }
  return out;
}
