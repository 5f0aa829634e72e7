import { type GenerationDiagnostic, GenerationError } from "@gen/spec";

/** One vendor in `gen.config.json`. */
export interface GenVendorConfig {
  id: string;
  /** Catalog file, relative to the root. */
  catalog: string;
  /** `mediaio`, `openapi` or a package exporting a `CatalogAdapterV1`. */
  adapter: string;
  /** Package directory, relative to the root. */
  out: string;
  /** Adapter options, passed through as written. */
  options?: Record<string, unknown>;
  /** Extra fields merged into the emitted package.json (e.g. workspace `devDependencies` for tests). */
  packageJson?: Record<string, unknown>;
}

/** Root `gen.config.json`. */
export interface GenConfig {
  vendors: GenVendorConfig[];
}

/** Parses and checks `gen.config.json` text. */
export function parseGenConfig(text: string, file = "gen.config.json"): GenConfig {
  const diags: GenerationDiagnostic[] = [];
  const fail = (entry: string, field: string, message: string) =>
    diags.push({ severity: "error", code: "bad-config", message, file, entry, field });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    fail("(root)", "", `invalid JSON: ${(e as Error).message}`);
    throw new GenerationError(diags);
  }
  const vendors = (raw as { vendors?: unknown })?.vendors;
  if (!Array.isArray(vendors)) {
    fail("(root)", "vendors", "vendors must be an array");
    throw new GenerationError(diags);
  }
  const seen = new Set<string>();
  vendors.forEach((v: Record<string, unknown>, i) => {
    for (const key of ["id", "catalog", "adapter", "out"]) {
      if (typeof v?.[key] !== "string" || v[key] === "")
        fail(`vendors[${i}]`, key, `${key} must be a non-empty string`);
    }
    if (typeof v?.id === "string") {
      if (seen.has(v.id)) fail(`vendors[${i}]`, "id", `duplicate vendor id "${v.id}"`);
      seen.add(v.id);
    }
  });
  if (diags.length) throw new GenerationError(diags);
  return { vendors: vendors as GenVendorConfig[] };
}
