import { type CatalogAdapterV1, type GenerationDiagnostic, GenerationError, type GenModel } from "@gen/spec";
import { createAdapterContext } from "./adapter-context.js";
import type { GenVendorConfig } from "./gen-config.js";
import { loadAdapter } from "./load-adapter.js";
import { validateModel } from "./validate-model.js";

/** A vendor's model as loaded and validated, with the adapter's findings. */
export interface LoadedVendorModel {
  model: GenModel;
  diagnostics: GenerationDiagnostic[];
  stats: Record<string, number>;
}

/**
 * Runs the vendor's adapter and validates the model; errors are returned, not thrown.
 * `adapters`: plugin adapters registered by name (from `gen.config` `plugins`).
 */
export async function loadVendorModel(
  root: string,
  vendor: GenVendorConfig,
  adapters?: ReadonlyMap<string, CatalogAdapterV1>,
): Promise<LoadedVendorModel> {
  const diagnostics: GenerationDiagnostic[] = [];
  const ctx = createAdapterContext(root, vendor.id, vendor.catalog, vendor.options ?? {}, diagnostics);
  let model = {} as GenModel;
  let stats: Record<string, number> = {};
  try {
    const adapter = await loadAdapter(vendor.adapter, root, adapters);
    const result = await adapter.load(ctx);
    model = result.model;
    stats = result.stats ?? {};
    diagnostics.push(...result.warnings);
  } catch (e) {
    if (e instanceof GenerationError) diagnostics.push(...e.diagnostics);
    else {
      diagnostics.push({
        severity: "error",
        code: "adapter-failed",
        message: (e as Error).message,
        file: vendor.catalog,
        entry: "(adapter)",
        field: vendor.adapter,
      });
    }
  }
  if (!diagnostics.some((d) => d.severity === "error"))
    diagnostics.push(...validateModel(model, vendor.catalog));
  return { model, diagnostics, stats };
}
