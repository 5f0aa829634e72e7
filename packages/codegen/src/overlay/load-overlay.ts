import { posix } from "node:path";
import type { CatalogAdapterContextV1, GenerationDiagnostic } from "@gen/spec";
import { applyOverlay } from "./apply-overlay.js";

/**
 * Applies the vendor's OpenAPI Overlay (`options.overlay`, relative to the catalog, else
 * `overlay.yaml` beside it when present) to the parsed catalog, before any default is inferred.
 * Errors are reported through `ctx`; warnings are returned. Returns the overlay's path, if any.
 */
export async function loadOverlay(
  ctx: CatalogAdapterContextV1,
  doc: unknown,
  warnings: GenerationDiagnostic[],
): Promise<string | undefined> {
  const dir = posix.dirname(ctx.catalogPath.split("\\").join("/"));
  const named = typeof ctx.options.overlay === "string" ? posix.join(dir, ctx.options.overlay) : undefined;
  const path = named ?? posix.join(dir, "overlay.yaml");
  if (!(await ctx.fileExists(path))) {
    if (named)
      ctx.report({
        severity: "error",
        code: "missing-overlay",
        message: `overlay not found: ${named}`,
        entry: "(options)",
        field: "overlay",
      });
    return undefined;
  }
  const overlay = ctx.parseYaml(await ctx.readFile(path), path);
  for (const p of applyOverlay(doc, overlay)) {
    const d: GenerationDiagnostic = {
      severity: p.severity,
      code: p.code,
      message: p.message,
      file: path,
      entry: `#${p.pointer}`,
    };
    if (p.severity === "error") ctx.report(d);
    else warnings.push(d);
  }
  return path;
}
