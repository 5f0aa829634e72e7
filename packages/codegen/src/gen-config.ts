import { type GenerationDiagnostic, GenerationError } from "@gen/spec";

/** One vendor in `gen.config.json`. */
export interface GenVendorConfig {
  id: string;
  /** Catalog file, relative to the root. */
  catalog: string;
  /**
   * The catalog adapter: a built-in (`mediaio`, `openapi`), the `name` of an adapter from
   * `plugins`, an npm package name, or a path relative to the config (`./adapter.mjs`).
   */
  adapter: string;
  /** Package directory, relative to the root. */
  out: string;
  /** Adapter options, passed through as written. */
  options?: Record<string, unknown>;
  /** Extra fields merged into the emitted package.json (e.g. workspace `devDependencies` for tests). */
  packageJson?: Record<string, unknown>;
  /**
   * `true`: also emit `wire.gen.ts` (openapi-typescript's raw `paths`/`components` types, exported
   * as `Wire`). Opt-in: the typed client, inputs, outputs and validators carry the same fields,
   * constraints and docs without them, and a large vendor file generates in about half the time
   * and size without them. Default `false`.
   */
  wireTypes?: boolean;
  /**
   * `true`: the package also ships the normalised model `openapi.gen.json` (in `files`, exported
   * as `./openapi.json`), so an installed copy can run `gen mock`, studio and `gen mcp` with the
   * catalog's full texts. Default `false`: the model stays out of the package (it is the largest
   * file); the changeset differ rebuilds the previous one from git, and the CLI builds it from the
   * catalog when run from the vendor's project.
   */
  shipModel?: boolean;
}

/** Root `gen.config.json` (or the default export of `gen.config.mjs`). */
export interface GenConfig {
  vendors: GenVendorConfig[];
  /**
   * Adapter plugins to load: npm package names or paths relative to the config. Every
   * `CatalogAdapterV1` a plugin exports is registered under its `name` for `vendors[].adapter`.
   */
  plugins?: string[];
  /** Further directories (relative) holding their own `gen.config.*`, generated and checked too. */
  include?: string[];
}

/** Parses and checks `gen.config.json` text. */
export function parseGenConfig(text: string, file = "gen.config.json"): GenConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new GenerationError([badConfig(file, "(root)", "", `invalid JSON: ${(e as Error).message}`)]);
  }
  return validateGenConfig(raw, file);
}

/** Checks a parsed config object (from JSON or a `gen.config.mjs` default export). */
export function validateGenConfig(raw: unknown, file = "gen.config.json"): GenConfig {
  const diags: GenerationDiagnostic[] = [];
  const fail = (entry: string, field: string, message: string) =>
    diags.push(badConfig(file, entry, field, message));
  const config = raw as { vendors?: unknown; plugins?: unknown; include?: unknown } | null;
  const vendors = config?.vendors;
  if (!Array.isArray(vendors)) {
    fail("(root)", "vendors", "vendors must be an array");
    throw new GenerationError(diags);
  }
  for (const key of ["plugins", "include"] as const) {
    const list = config?.[key];
    if (list !== undefined && (!Array.isArray(list) || list.some((p) => typeof p !== "string" || p === "")))
      fail("(root)", key, `${key} must be an array of non-empty strings`);
  }
  const seen = new Set<string>();
  vendors.forEach((v: Record<string, unknown>, i) => {
    for (const key of ["id", "catalog", "adapter", "out"]) {
      if (typeof v?.[key] !== "string" || v[key] === "")
        fail(`vendors[${i}]`, key, `${key} must be a non-empty string`);
    }
    for (const key of ["wireTypes", "shipModel"]) {
      if (v?.[key] !== undefined && typeof v[key] !== "boolean")
        fail(`vendors[${i}]`, key, `${key} must be true or false`);
    }
    if (typeof v?.id === "string") {
      if (seen.has(v.id)) fail(`vendors[${i}]`, "id", `duplicate vendor id "${v.id}"`);
      seen.add(v.id);
    }
  });
  if (diags.length) throw new GenerationError(diags);
  return raw as GenConfig;
}

function badConfig(file: string, entry: string, field: string, message: string): GenerationDiagnostic {
  return { severity: "error", code: "bad-config", message, file, entry, field };
}
