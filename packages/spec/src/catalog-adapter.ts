import type { GenerationDiagnostic } from "./diagnostic.js";
import type { GenModel } from "./model.js";

/** What an adapter gets from the generator. All paths are absolute or relative to `root`. */
export interface CatalogAdapterContextV1 {
  /** Repository root; `catalogPath` and `readFile` paths resolve against it. */
  root: string;
  /** The catalog file named in `gen.config.json` (relative to `root`). */
  catalogPath: string;
  /** The vendor id from `gen.config.json`. */
  vendorId: string;
  /** Adapter options from `gen.config.json` (`options`), as written. */
  options: Readonly<Record<string, unknown>>;
  /** Reads a text file; relative paths resolve against `root`. */
  readFile(path: string): Promise<string>;
  /** Whether a file exists (relative paths resolve against `root`). */
  fileExists(path: string): Promise<boolean>;
  /** Parses YAML or JSON text (JSON is YAML); `file` is used in error messages. */
  parseYaml(text: string, file: string): unknown;
  /** Diagnostics sink: report every problem found, then return (errors fail generation). */
  report(diagnostic: Omit<GenerationDiagnostic, "file"> & { file?: string }): void;
}

/** What an adapter returns: the normalised model and non-fatal findings. */
export interface CatalogAdapterResultV1 {
  model: GenModel;
  warnings: GenerationDiagnostic[];
  /** Free-form numbers the adapter wants reported (e.g. extracted constraints). */
  stats?: Record<string, number>;
}

/**
 * A catalog adapter turns a vendor's catalog format into the normalised model (OpenAPI 3.1 +
 * `x-gen-*`). Version 1 of the contract; a breaking change adds `CatalogAdapterV2`.
 */
export interface CatalogAdapterV1 {
  readonly specificationVersion: "v1";
  /** Adapter name (`mediaio`, `openapi`, `@acme/gen-adapter`). */
  readonly name: string;
  load(ctx: CatalogAdapterContextV1): Promise<CatalogAdapterResultV1>;
}

/** Identity helper that type-checks an adapter definition (like `definePluginConfig`). */
export function defineCatalogAdapter(adapter: CatalogAdapterV1): CatalogAdapterV1 {
  return adapter;
}

/** Whether a loaded module export implements `CatalogAdapterV1`. */
export function isCatalogAdapterV1(value: unknown): value is CatalogAdapterV1 {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<CatalogAdapterV1>;
  return v.specificationVersion === "v1" && typeof v.name === "string" && typeof v.load === "function";
}
