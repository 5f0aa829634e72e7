import type { SimulatorOptions, SimulatorPlugin } from "@gen/simulator";
import { CliError } from "./cli-error.js";
import type { VendorEntry } from "./discover-vendors.js";
import { EXIT } from "./exit-codes.js";
import { importPackageExport } from "./import-package-export.js";
import { vendorModel } from "./vendor-model.js";

/**
 * What a simulator of a discovered vendor starts from: the vendor's model (the one its package
 * ships, else the one built from its catalog: see vendorModel), and the plugin its manifest names
 * (`simulator.plugin`), so a vendor package brings its own simulator behaviour with no edit to the
 * CLI or the simulator. No model: a configuration error naming the two fixes.
 */
export async function simulatorSource(
  entry: VendorEntry,
): Promise<Pick<SimulatorOptions, "model" | "plugins" | "builtinPlugins">> {
  const { model, problem } = await vendorModel(entry);
  if (!model)
    throw new CliError(
      EXIT.config,
      `cannot simulate ${entry.id}: ${problem ?? "no model"}`,
      `Ship the model with the package ("shipModel": true in its gen.config.json vendor entry, then gen generate), or run gen mock from the vendor's project (the folder with its gen.config.json and catalog).`,
    );
  const plugin = await manifestPlugin(entry);
  return {
    model,
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
