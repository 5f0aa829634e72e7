import { join, posix } from "node:path";
import { type CatalogAdapterV1, type GenerationDiagnostic, GenerationError } from "@gen/spec";
import type { GenConfig, GenVendorConfig } from "./gen-config.js";
import { importAdapters } from "./load-adapter.js";
import { loadGenConfig } from "./load-gen-config.js";

/** One vendor to generate, with the root its config paths resolve against. */
export interface GenerateJob {
  vendor: GenVendorConfig;
  /** Absolute directory of the config that lists the vendor. */
  root: string;
  /** That directory relative to the top root (posix, `""` for the top root). */
  prefix: string;
  adapters: ReadonlyMap<string, CatalogAdapterV1>;
}

/** Flattens a config, its plugins and its `include`d configs into jobs (depth-first, in order). */
export async function collectJobs(
  root: string,
  config: GenConfig,
  prefix = "",
  seen: Set<string> = new Set(),
): Promise<GenerateJob[]> {
  seen.add(root);
  const adapters = await loadPlugins(root, config, prefix);
  const jobs: GenerateJob[] = config.vendors.map((vendor) => ({ vendor, root, prefix, adapters }));
  for (const dir of config.include ?? []) {
    const sub = join(root, dir);
    if (seen.has(sub)) continue;
    const loaded = await loadGenConfig(sub);
    jobs.push(...(await collectJobs(sub, loaded.config, posix.join(prefix, dir.replace(/\\/g, "/")), seen)));
  }
  return jobs;
}

async function loadPlugins(
  root: string,
  config: GenConfig,
  prefix: string,
): Promise<Map<string, CatalogAdapterV1>> {
  const adapters = new Map<string, CatalogAdapterV1>();
  const diags: GenerationDiagnostic[] = [];
  for (const [i, plugin] of (config.plugins ?? []).entries()) {
    const fail = (message: string) =>
      diags.push({
        severity: "error",
        code: "bad-plugin",
        message,
        file: posix.join(prefix, "gen.config"),
        entry: `plugins[${i}]`,
        field: plugin,
      });
    try {
      const found = await importAdapters(plugin, root);
      if (found.length === 0) fail(`"${plugin}" exports no CatalogAdapterV1 (specificationVersion "v1")`);
      for (const adapter of found) adapters.set(adapter.name, adapter);
    } catch (e) {
      fail(`cannot load plugin "${plugin}": ${(e as Error).message.split("\n")[0]}`);
    }
  }
  if (diags.length) throw new GenerationError(diags);
  return adapters;
}
