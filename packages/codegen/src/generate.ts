import { access, readFile } from "node:fs/promises";
import { join, posix } from "node:path";
import { type GenerationDiagnostic, GenerationError } from "@gen/spec";
import { applyChanges } from "./apply-changes.js";
import { collectJobs, type GenerateJob } from "./collect-jobs.js";
import { type EmittedPackage, emitPackage } from "./emit/emit-package.js";
import type { GenConfig } from "./gen-config.js";
import { loadGenConfig } from "./load-gen-config.js";
import { loadVendorModel } from "./load-vendor-model.js";
import { type PlannedChangeset, planChangeset } from "./plan-changeset.js";
import { type FileChange, planWrites } from "./plan-writes.js";
import { strictFailures } from "./warnings/summarize-warnings.js";

/** Options of `generate()`. */
export interface GenerateOptions {
  /** Repository root holding `gen.config.json` (or `gen.config.mjs`). */
  root: string;
  /** Compare only: report stale files, write nothing (no changesets either). */
  check?: boolean;
  /** Only this vendor id. */
  vendor?: string;
  /** Use this config instead of reading `gen.config.*`. */
  config?: GenConfig;
  /**
   * Write a `.changeset/*.md` for each package whose model changed. Default: when the config's
   * directory has a `.changeset/` folder (changesets is set up there).
   */
  changesets?: boolean;
  /** Called as each vendor starts (`mediaio: generating from catalogs/...`): progress for long runs. */
  onProgress?: (message: string) => void;
  /** Fail (write nothing) when a warning says something in a catalog was dropped or weakened. */
  strict?: boolean;
}

/** What `generate()` did (or, with `check`, would do). */
export interface GenerateResult {
  vendors: Array<{ id: string; operations: number; stats: Record<string, number> }>;
  skipped: string[];
  changes: FileChange[];
  warnings: GenerationDiagnostic[];
  /** Release notes of changed packages (written unless `check`, or changesets are off). */
  changesets: PlannedChangeset[];
}

/**
 * Regenerates the vendor packages listed in `gen.config.*` (and its `include`d configs).
 * Everything is generated and validated in memory first; any error throws a `GenerationError`
 * and nothing is written.
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const { root } = options;
  const config = options.config ?? (await loadGenConfig(root)).config;
  const jobs = (await collectJobs(root, config)).filter(
    (j) => !options.vendor || j.vendor.id === options.vendor,
  );
  if (options.vendor && jobs.length === 0) throw unknownVendor(options.vendor, config);
  const result: GenerateResult = { vendors: [], skipped: [], changes: [], warnings: [], changesets: [] };
  const diagnostics: GenerationDiagnostic[] = [];
  const emitted: Array<{ job: GenerateJob } & EmittedPackage> = [];
  for (const job of jobs) {
    const { vendor } = job;
    if (!(await exists(join(job.root, vendor.catalog)))) {
      result.skipped.push(vendor.id);
      result.warnings.push({
        severity: "warning",
        code: "missing-catalog",
        message: `catalog not found, vendor "${vendor.id}" skipped`,
        file: posix.join(job.prefix, vendor.catalog),
      });
      continue;
    }
    options.onProgress?.(`${vendor.id}: generating from ${vendor.catalog}`);
    const loaded = await loadVendorModel(job.root, vendor, job.adapters);
    diagnostics.push(...loaded.diagnostics);
    if (loaded.diagnostics.some((d) => d.severity === "error")) continue;
    try {
      const pkg = await emitPackage({
        model: loaded.model,
        catalog: vendor.catalog,
        outDir: vendor.out,
        standalone: !(await exists(join(job.root, "tsconfig.base.json"))),
        ...(vendor.wireTypes === true ? {} : { skipWire: true }),
        shipModel: vendor.shipModel === true,
        ...(await existingPackageFields(job)),
      });
      emitted.push({ job, ...pkg });
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
  if (options.strict) {
    const failures = strictFailures(result.warnings);
    if (failures.length) {
      diagnostics.push({
        severity: "error",
        code: "strict",
        message: `--strict: ${failures.length} warning(s) drop or weaken what the catalog says (${[...new Set(failures.map((f) => f.code))].join(", ")}); fix them (each names its fix) or leave --strict off`,
        file: failures[0]?.file ?? "gen.config.json",
      });
    }
  }
  if (diagnostics.some((d) => d.severity === "error")) throw new GenerationError(diagnostics);
  const changesetWrites: FileChange[] = [];
  for (const { job, files, seeds, model } of emitted) {
    const local = await planWrites(job.root, job.vendor.out, files, seeds);
    // The differ reads a model shipped before `shipModel` was turned off: plan it first.
    const changeset = await planChangeset(job.root, job.vendor, job.adapters, model);
    result.changes.push(...local.map((c) => ({ ...c, path: posix.join(job.prefix, c.path) })));
    if (!changeset) continue;
    const path = posix.join(job.prefix, changeset.path);
    result.changesets.push({ ...changeset, path });
    const enabled = options.changesets ?? (await exists(join(job.root, ".changeset")));
    if (enabled && !(await exists(join(root, path))))
      changesetWrites.push({ path, action: "create", content: changeset.content });
  }
  if (!options.check) await applyChanges(root, [...result.changes, ...changesetWrites]);
  return result;
}

/**
 * The committed package.json's `version` and `@gen/runtime` range (kept, so `changeset version`
 * bumps survive) and devDependencies.
 */
async function existingPackageFields(
  job: GenerateJob,
): Promise<{ version?: string; runtimeRange?: string; packageJson: Record<string, unknown> }> {
  const existing = await readFile(join(job.root, job.vendor.out, "package.json"), "utf8").then(
    (t) =>
      JSON.parse(t) as {
        version?: string;
        dependencies?: Record<string, string>;
        devDependencies?: Record<string, string>;
      },
    () => undefined,
  );
  const extra = job.vendor.packageJson;
  const devDependencies = {
    ...existing?.devDependencies,
    ...(extra?.devDependencies as Record<string, string> | undefined),
  };
  const packageJson = {
    ...extra,
    ...(Object.keys(devDependencies).length ? { devDependencies: sortKeys(devDependencies) } : {}),
  };
  const runtimeRange = existing?.dependencies?.["@gen/runtime"];
  return {
    ...(existing?.version ? { version: existing.version } : {}),
    ...(runtimeRange && !runtimeRange.startsWith("workspace:") ? { runtimeRange } : {}),
    packageJson,
  };
}

function unknownVendor(id: string, config: GenConfig): GenerationError {
  return new GenerationError([
    {
      severity: "error",
      code: "unknown-vendor",
      message: `no vendor "${id}" in gen.config (known: ${config.vendors.map((v) => v.id).join(", ")}): add { "id": "${id}", "catalog": "catalogs/${id}/openapi.yaml", "adapter": "openapi", "out": "packages/${id}" } to gen.config.json "vendors", or put the file at catalogs/${id}/openapi.yaml and run gen generate --vendor ${id}`,
      file: "gen.config.json",
      entry: "vendors",
      field: "id",
    },
  ]);
}

function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
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
