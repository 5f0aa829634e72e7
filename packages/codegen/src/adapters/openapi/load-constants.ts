import { posix } from "node:path";
import type { CatalogAdapterContextV1, GenModel, XGenConstants } from "@gen/spec";

/** Loads `x-gen-constants` entries that name a `file` (relative to the catalog) into `value`. */
export async function loadConstants(ctx: CatalogAdapterContextV1, model: GenModel): Promise<void> {
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
