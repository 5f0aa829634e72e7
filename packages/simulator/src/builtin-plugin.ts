import { existsSync } from "node:fs";
import type { SimulatorPlugin } from "./types.js";

/** `.ts` when running from the sources, `.js` from the build (tsup builds every `vendors/*.ts`). */
const EXT = import.meta.url.endsWith(".ts") ? ".ts" : ".js";

/**
 * The plugin this package ships for a vendor: the module `vendors/<id>` (what a vendor manifest
 * names as `@gen/simulator/vendors/<id>`), its export whose `vendor` is the id. No list to keep:
 * a plugin file is found by its name.
 */
export async function builtinPlugin(vendorId: string): Promise<SimulatorPlugin | undefined> {
  if (!/^[a-z][a-z0-9]*$/.test(vendorId)) return undefined;
  const url = new URL(`./vendors/${vendorId}${EXT}`, import.meta.url);
  if (!existsSync(url)) return undefined;
  const module = (await import(url.href)) as Record<string, unknown>;
  return Object.values(module).find(
    (v): v is SimulatorPlugin => (v as SimulatorPlugin | undefined)?.vendor === vendorId,
  );
}
