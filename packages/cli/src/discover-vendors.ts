import { existsSync, readFileSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import type { VendorManifest } from "@gen/runtime";
import { usageError } from "./cli-error.js";
import { importPackageExport } from "./import-package-export.js";

/** One vendor the CLI found: its package and what its manifest says. */
export interface VendorEntry {
  id: string;
  packageName: string;
  /** The package's directory (an `openapi.gen.json` there is the model it ships). */
  dir: string;
  /** The gen.config.json listing the vendor (its catalog can be built into the model); else installed. */
  config?: string;
  /** Undefined when the package has no manifest yet (listed in gen.config.json, not generated). */
  manifest?: VendorManifest;
}

/** The nearest `gen.config.json` at or above `cwd`, if any. */
export function findGenConfig(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    const path = join(dir, "gen.config.json");
    if (existsSync(path)) return path;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

const cache = new Map<string, Promise<VendorEntry[]>>();

/**
 * Every vendor the CLI can use, read from vendor packages' manifests (`<package>/manifest`): first
 * the vendors of the nearest gen.config.json (in its order; the package in each `out`), then the
 * installed vendor packages the CLI depends on (by path). A vendor added through gen.config.json (or
 * installed) appears here with no edit to the CLI.
 */
export function discoverVendors(cwd: string): Promise<VendorEntry[]> {
  let found = cache.get(cwd);
  if (!found) {
    found = readVendors(cwd);
    cache.set(cwd, found);
  }
  return found;
}

async function readVendors(cwd: string): Promise<VendorEntry[]> {
  const dirs: Array<{ dir: string; id?: string; config?: string }> = [];
  const config = findGenConfig(cwd);
  if (config) {
    let parsed: { vendors?: Array<{ id?: unknown; out?: unknown }> };
    try {
      parsed = JSON.parse(readFileSync(config, "utf8"));
    } catch (error) {
      throw usageError(`${config} is not valid JSON: ${(error as Error).message}`);
    }
    for (const v of parsed.vendors ?? []) {
      if (typeof v.id === "string" && typeof v.out === "string")
        dirs.push({ dir: resolve(dirname(config), v.out), id: v.id, config });
    }
  }
  dirs.push(...installedVendorDirs().map((dir) => ({ dir })));
  const entries: VendorEntry[] = [];
  const seen = new Set<string>();
  for (const { dir, id, config: file } of dirs) {
    const entry = await readEntry(dir, id, file);
    const real = existsSync(dir) ? realpathSync(dir) : dir;
    if (!entry || seen.has(entry.id) || seen.has(real)) continue;
    seen.add(entry.id);
    seen.add(real);
    entries.push(entry);
  }
  return entries;
}

/** The CLI's dependencies that export a manifest (`@gen/mediaio`, ...). */
function installedVendorDirs(): string[] {
  const require = createRequire(import.meta.url);
  // ../package.json from src/ (sources) and from dist/ (built) alike.
  const own = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    dependencies?: Record<string, string>;
  };
  const dirs: string[] = [];
  for (const name of Object.keys(own.dependencies ?? {})) {
    try {
      const dir = dirname(require.resolve(`${name}/package.json`));
      if (hasManifest(dir)) dirs.push(dir);
    } catch {
      // not installed: nothing to discover
    }
  }
  return dirs.sort();
}

function readPackageJson(dir: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function hasManifest(dir: string): boolean {
  const exports = readPackageJson(dir)?.exports;
  return typeof exports === "object" && exports !== null && "./manifest" in exports;
}

async function readEntry(dir: string, configId?: string, config?: string): Promise<VendorEntry | undefined> {
  const pkg = readPackageJson(dir);
  const fallback = configId
    ? {
        id: configId,
        packageName: String(pkg?.name ?? `@gen/${configId}`),
        dir,
        ...(config ? { config } : {}),
      }
    : undefined;
  if (!pkg || !hasManifest(dir)) return fallback;
  let manifest: VendorManifest | undefined;
  try {
    manifest = (await importPackageExport(dir, "./manifest")).manifest as VendorManifest | undefined;
  } catch {
    return fallback; // not built yet (plain node) or broken: reported as not installed
  }
  if (manifest?.manifestVersion !== 1) return fallback;
  return {
    id: manifest.id,
    packageName: manifest.packageName,
    dir,
    manifest,
    ...(config && manifest.id === configId ? { config } : {}),
  };
}
