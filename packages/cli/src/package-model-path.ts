import { existsSync } from "node:fs";
import { join } from "node:path";
import type { VendorEntry } from "./discover-vendors.js";

/** Path of the normalised model (`openapi.gen.json`) a vendor package ships; undefined when absent. */
export function packageModelPath(entry: VendorEntry): string | undefined {
  const path = join(entry.dir, "openapi.gen.json");
  return existsSync(path) ? path : undefined;
}
