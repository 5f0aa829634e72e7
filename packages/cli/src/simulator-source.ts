import type { SimulatorOptions, SimulatorPlugin } from "@gen/simulator";
import type { VendorEntry } from "./discover-vendors.js";
import { importPackageExport } from "./import-package-export.js";
import { packageModelPath } from "./package-model-path.js";

/**
 * What a simulator of a discovered vendor starts from: the model its package ships (else the
 * workspace's), and the plugin its manifest names (`simulator.plugin`), so a vendor package brings
 * its own simulator behaviour with no edit to the CLI or the simulator.
 */
export async function simulatorSource(
  entry: VendorEntry,
): Promise<Pick<SimulatorOptions, "modelPath" | "vendor" | "plugins" | "builtinPlugins">> {
  const modelPath = packageModelPath(entry);
  const plugin = await manifestPlugin(entry);
  return {
    ...(modelPath ? { modelPath } : { vendor: entry.id }),
    builtinPlugins: false,
    plugins: plugin ? [plugin] : [],
  };
}

/**
 * The manifest's simulator plugin: a subpath of the vendor's own package (`./simulator`) or a bare
 * specifier the CLI resolves (`@gen/simulator/vendors/ima`); its default export, else the export
 * whose `vendor` is this vendor's id.
 */
async function manifestPlugin(entry: VendorEntry): Promise<SimulatorPlugin | undefined> {
  const specifier = entry.manifest?.simulator?.plugin;
  if (!specifier) return undefined;
  const module = specifier.startsWith("./")
    ? await importPackageExport(entry.dir, specifier)
    : ((await import(specifier)) as Record<string, unknown>);
  const isPlugin = (v: unknown): v is SimulatorPlugin =>
    (v as SimulatorPlugin | undefined)?.vendor === entry.id;
  const plugin = isPlugin(module.default) ? module.default : Object.values(module).find(isPlugin);
  if (!plugin)
    throw new Error(
      `${specifier} (simulator plugin of ${entry.packageName}) exports no plugin for "${entry.id}"`,
    );
  return plugin;
}
