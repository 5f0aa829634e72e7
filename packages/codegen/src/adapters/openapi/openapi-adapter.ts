import { posix } from "node:path";
import {
  type CatalogAdapterContextV1,
  defineCatalogAdapter,
  type GenerationDiagnostic,
  type GenModel,
  HTTP_METHODS,
  type XGenConstants,
} from "@gen/spec";

/**
 * Built-in adapter for OpenAPI 3.x catalogs (YAML or JSON) that carry `x-gen-*` extensions.
 * Operations without `x-gen-operation` get a default one (name = operationId, kind from the method).
 * `x-gen-constants` entries with `file` are loaded relative to the catalog.
 */
export const openapiAdapter = defineCatalogAdapter({
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
    if (typeof model.openapi !== "string" || !model.openapi.startsWith("3.")) {
      ctx.report({
        severity: "error",
        code: "not-openapi",
        message: `openapi must be a 3.x version, got ${JSON.stringify(model.openapi)}`,
        entry: "(root)",
        field: "openapi",
      });
    }
    for (const [path, item] of Object.entries(model.paths ?? {})) {
      for (const method of HTTP_METHODS) {
        const op = item?.[method];
        if (!op || op["x-gen-operation"]) continue;
        if (!op.operationId) continue;
        op["x-gen-operation"] = { name: op.operationId, kind: method === "get" ? "read" : "create" };
        warnings.push({
          severity: "warning",
          code: "default-x-gen-operation",
          message: `no x-gen-operation: using name "${op.operationId}", kind from the method`,
          file,
          entry: `${method.toUpperCase()} ${path}`,
        });
      }
    }
    await loadConstants(ctx, model);
    return { model, warnings };
  },
});

async function loadConstants(ctx: CatalogAdapterContextV1, model: GenModel): Promise<void> {
  const constants = model["x-gen-constants"] as XGenConstants | undefined;
  if (!constants) return;
  const dir = posix.dirname(ctx.catalogPath.replace(/\\/g, "/"));
  for (const [name, entry] of Object.entries(constants)) {
    if (!entry || typeof entry !== "object") {
      ctx.report({
        severity: "error",
        code: "bad-constant",
        message: "constant must be an object with value or file",
        entry: `x-gen-constants.${name}`,
      });
      continue;
    }
    if (entry.file === undefined) {
      if (entry.value === undefined) {
        ctx.report({
          severity: "error",
          code: "bad-constant",
          message: "constant needs `value` or `file`",
          entry: `x-gen-constants.${name}`,
          field: "value",
        });
      }
      continue;
    }
    const path = posix.join(dir, entry.file);
    if (!(await ctx.fileExists(path))) {
      ctx.report({
        severity: "error",
        code: "missing-constant-file",
        message: `file not found: ${path}`,
        entry: `x-gen-constants.${name}`,
        field: "file",
      });
      continue;
    }
    entry.value = ctx.parseYaml(await ctx.readFile(path), path);
  }
}
