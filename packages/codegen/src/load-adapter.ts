import { createRequire } from "node:module";
import { isAbsolute, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type CatalogAdapterV1, isCatalogAdapterV1 } from "@gen/spec";
import { mediaioAdapter } from "./adapters/mediaio/mediaio-adapter.js";
import { openapiAdapter } from "./adapters/openapi/openapi-adapter.js";

/** The adapters shipped with @gen/codegen. */
export const builtinAdapters: Readonly<Record<string, CatalogAdapterV1>> = {
  mediaio: mediaioAdapter,
  openapi: openapiAdapter,
};

/**
 * Resolves an adapter: built-in name, then a name registered from `plugins`, else imports the
 * module `name` (an npm package resolved from `root`, or a path relative to `root`).
 */
export async function loadAdapter(
  name: string,
  root: string,
  registered: ReadonlyMap<string, CatalogAdapterV1> = new Map(),
): Promise<CatalogAdapterV1> {
  const known = builtinAdapters[name] ?? registered.get(name);
  if (known) return known;
  const [first] = await importAdapters(name, root);
  if (!first) throw new Error(`"${name}" exports no CatalogAdapterV1 (specificationVersion "v1")`);
  return first;
}

/** Every `CatalogAdapterV1` a plugin module exports (default export first). */
export async function importAdapters(specifier: string, root: string): Promise<CatalogAdapterV1[]> {
  const mod = (await import(moduleUrl(specifier, root))) as Record<string, unknown>;
  return [...new Set([mod.default, ...Object.values(mod)])].filter(isCatalogAdapterV1);
}

function moduleUrl(specifier: string, root: string): string {
  if (specifier.startsWith(".") || isAbsolute(specifier)) return pathToFileURL(resolve(root, specifier)).href;
  const require = createRequire(join(root, "package.json"));
  return pathToFileURL(require.resolve(specifier)).href;
}
