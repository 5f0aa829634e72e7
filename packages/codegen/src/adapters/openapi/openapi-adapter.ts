import {
  type CatalogAdapterV1,
  defineCatalogAdapter,
  type GenerationDiagnostic,
  type GenModel,
} from "@gen/spec";
import { loadOverlay } from "../../overlay/load-overlay.js";
import { applyOperationDefaults } from "./default-operations.js";
import { applyVendorDefaults } from "./default-vendor.js";
import { loadConstants } from "./load-constants.js";
import { normalizeSchemas } from "./normalize-schemas.js";

/**
 * Built-in adapter for OpenAPI 3.0 / 3.1 catalogs (YAML or JSON), with or without `x-gen-*`.
 * Missing pieces get defaults, each reported as a warning: `x-gen-vendor` (id from gen.config,
 * `options.packageName`), `x-gen-auth` from `securitySchemes`, operationIds from method + path,
 * `x-gen-operation` (name = operationId, kind from the method). 3.0 schemas are normalised to 3.1.
 *
 * Options: `lenient` (default: true when the catalog has no root `x-gen-vendor`, i.e. a vendor's
 * own file) turns what cannot be typed — unknown types, remote/unresolvable/cyclic `$ref`s,
 * undeclared path parameters, body examples without schema — into typed unknowns plus warnings
 * instead of errors; `baseUrl` overrides `servers`; `packageName` names the package.
 * `x-gen-constants` entries with `file` are loaded relative to the catalog. An OpenAPI Overlay 1.0
 * document (`options.overlay`, else `overlay.yaml` beside the catalog) is applied first, so that a
 * vendor's file is used unchanged and what it lacks is added beside it.
 */
export const openapiAdapter: CatalogAdapterV1 = defineCatalogAdapter({
  specificationVersion: "v1",
  name: "openapi",
  async load(ctx) {
    const warnings: GenerationDiagnostic[] = [];
    const file = ctx.catalogPath;
    const doc = ctx.parseYaml(await ctx.readFile(file), file);
    if (!doc || typeof doc !== "object" || Array.isArray(doc)) {
      ctx.report({
        severity: "error",
        code: "not-openapi",
        message: "catalog must be an OpenAPI object",
        entry: "(root)",
      });
      return { model: doc as GenModel, warnings };
    }
    const model = structuredClone(doc) as GenModel;
    await loadOverlay(ctx, model, warnings);
    if (typeof model.openapi !== "string" || !model.openapi.startsWith("3.")) {
      ctx.report({
        severity: "error",
        code: "not-openapi",
        message: `openapi must be a 3.x version, got ${JSON.stringify(model.openapi)}`,
        entry: "(root)",
        field: "openapi",
      });
      return { model, warnings };
    }
    const lenient = typeof ctx.options.lenient === "boolean" ? ctx.options.lenient : !model["x-gen-vendor"];
    const warn = (code: string, message: string, entry: string, field?: string) =>
      warnings.push({ severity: "warning", code, message, file, entry, ...(field ? { field } : {}) });
    const fail = (code: string, message: string, entry: string, field?: string) =>
      ctx.report({ severity: "error", code, message, entry, ...(field ? { field } : {}) });
    model.paths ??= {};
    applyVendorDefaults(model, ctx.vendorId, ctx.options, warn, fail);
    normalizeSchemas(model, lenient, warn);
    applyOperationDefaults(model, lenient, warn);
    await loadConstants(ctx, model);
    return { model, warnings };
  },
});
