import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { exports as resolveExports } from "resolve.exports";

/**
 * Running from the TypeScript sources (tests, `pnpm gen`): packages resolve through their
 * `@gen/source` export condition, as the CLI's own imports do.
 */
const FROM_SOURCE = import.meta.url.endsWith(".ts");

/**
 * Imports `subpath` (`.`, `./manifest`) of the package in `dir` through its `exports` map, with
 * the conditions the CLI itself runs under, so a package outside the CLI's own dependencies (a
 * vendor generated into the user's project) loads like an installed one. `resolve.exports` reads
 * the map (a small, well-kept implementation of Node's algorithm) rather than a hand-written walk.
 */
export async function importPackageExport(dir: string, subpath: string): Promise<Record<string, unknown>> {
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Record<string, unknown>;
  const conditions = FROM_SOURCE ? ["@gen/source"] : [];
  const target = resolveExports(pkg, subpath, { conditions })?.[0];
  if (!target) throw new Error(`${String(pkg.name)} has no "${subpath}" export`);
  return (await import(pathToFileURL(join(dir, target)).href)) as Record<string, unknown>;
}
