import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type CatalogAdapterV1, isCatalogAdapterV1 } from "@gen/spec";
import { mediaioAdapter } from "./adapters/mediaio/mediaio-adapter.js";
import { openapiAdapter } from "./adapters/openapi/openapi-adapter.js";

/** The adapters shipped with @gen/codegen. */
export const builtinAdapters: Readonly<Record<string, CatalogAdapterV1>> = {
  mediaio: mediaioAdapter,
  openapi: openapiAdapter,
};

/** Resolves a built-in adapter by name, else imports a plugin package (resolved from `root`). */
export async function loadAdapter(name: string, root: string): Promise<CatalogAdapterV1> {
  const builtin = builtinAdapters[name];
  if (builtin) return builtin;
  const require = createRequire(join(root, "package.json"));
  const mod = (await import(pathToFileURL(require.resolve(name)).href)) as Record<string, unknown>;
  const candidate = [mod.default, mod.adapter, ...Object.values(mod)].find(isCatalogAdapterV1);
  if (!candidate)
    throw new Error(`package "${name}" exports no CatalogAdapterV1 (specificationVersion "v1")`);
  return candidate;
}
