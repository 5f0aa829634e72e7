import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type GenerationDiagnostic, GenerationError } from "@gen/spec";
import { applyChanges } from "./apply-changes.js";
import { emitPackage } from "./emit/emit-package.js";
import { type GenConfig, parseGenConfig } from "./gen-config.js";
import { loadVendorModel } from "./load-vendor-model.js";
import { type FileChange, planWrites } from "./plan-writes.js";

/** Options of `generate()`. */
export interface GenerateOptions {
  /** Repository root holding `gen.config.json`. */
  root: string;
  /** Compare only: report stale files, write nothing. */
  check?: boolean;
  /** Only this vendor id. */
  vendor?: string;
  /** Use this config instead of reading `gen.config.json`. */
  config?: GenConfig;
}

/** What `generate()` did (or, with `check`, would do). */
export interface GenerateResult {
  vendors: Array<{ id: string; operations: number; stats: Record<string, number> }>;
  skipped: string[];
  changes: FileChange[];
  warnings: GenerationDiagnostic[];
}

/**
 * Regenerates the vendor packages listed in `gen.config.json`. Everything is generated and
 * validated in memory first; any error throws a `GenerationError` and nothing is written.
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const { root } = options;
  const config = options.config ?? parseGenConfig(await readFile(join(root, "gen.config.json"), "utf8"));
  const selected = config.vendors.filter((v) => !options.vendor || v.id === options.vendor);
  if (options.vendor && selected.length === 0) {
    throw new GenerationError([
      {
        severity: "error",
        code: "unknown-vendor",
        message: `no vendor "${options.vendor}" in gen.config.json (known: ${config.vendors.map((v) => v.id).join(", ")})`,
        file: "gen.config.json",
        entry: "vendors",
        field: "id",
      },
    ]);
  }
  const result: GenerateResult = { vendors: [], skipped: [], changes: [], warnings: [] };
  const diagnostics: GenerationDiagnostic[] = [];
  const emitted: Array<{ out: string; files: Map<string, string>; seeds: Map<string, string> }> = [];
  for (const vendor of selected) {
    const catalogExists = await readFile(join(root, vendor.catalog)).then(
      () => true,
      () => false,
    );
    if (!catalogExists) {
      result.skipped.push(vendor.id);
      result.warnings.push({
        severity: "warning",
        code: "missing-catalog",
        message: `catalog not found, vendor "${vendor.id}" skipped`,
        file: vendor.catalog,
      });
      continue;
    }
    const loaded = await loadVendorModel(root, vendor);
    diagnostics.push(...loaded.diagnostics);
    if (loaded.diagnostics.some((d) => d.severity === "error")) continue;
    const existing = await readFile(join(root, vendor.out, "package.json"), "utf8").then(
      (t) => JSON.parse(t) as { version?: string; devDependencies?: Record<string, string> },
      () => undefined,
    );
    const version = existing?.version;
    const devDependencies = {
      ...existing?.devDependencies,
      ...(vendor.packageJson?.devDependencies as Record<string, string> | undefined),
    };
    const packageJson = {
      ...vendor.packageJson,
      ...(Object.keys(devDependencies).length ? { devDependencies: sortKeys(devDependencies) } : {}),
    };
    try {
      const pkg = await emitPackage({
        model: loaded.model,
        catalog: vendor.catalog,
        outDir: vendor.out,
        ...(version ? { version } : {}),
        packageJson,
      });
      emitted.push({ out: vendor.out, ...pkg });
      result.vendors.push({ id: vendor.id, operations: countOperations(loaded.model), stats: loaded.stats });
    } catch (e) {
      diagnostics.push({
        severity: "error",
        code: "emit-failed",
        message: (e as Error).message,
        file: vendor.catalog,
        entry: "(emitter)",
      });
    }
  }
  result.warnings.push(...diagnostics.filter((d) => d.severity === "warning"));
  if (diagnostics.some((d) => d.severity === "error")) throw new GenerationError(diagnostics);
  for (const pkg of emitted) result.changes.push(...(await planWrites(root, pkg.out, pkg.files, pkg.seeds)));
  if (!options.check) await applyChanges(root, result.changes);
  return result;
}

function countOperations(model: { paths: Record<string, unknown> }): number {
  let n = 0;
  for (const item of Object.values(model.paths)) {
    for (const op of Object.values(item as Record<string, unknown>)) {
      if (op && typeof op === "object" && "x-gen-operation" in op) n++;
    }
  }
  return n;
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
