import {
  type GenerateResult,
  generate,
  jsonPointer,
  loadGenConfig,
  registerVendor,
  summarizeWarnings,
} from "@gen/codegen";
import { GenerationError } from "@gen/spec";
import type { CliIo } from "../cli-io.js";

/** Parsed arguments of `gen generate`. */
export interface GenerateArgs {
  check: boolean;
  vendor?: string;
  root: string;
  /** Fail when anything in a catalog was dropped or weakened (see the warnings). */
  strict?: boolean;
  /** List every warning's location, not the first three of each kind. */
  verbose?: boolean;
}

const USAGE = "gen generate [--check] [--strict] [--verbose] [--vendor NAME]";

/** Parses `generate [--check] [--strict] [--verbose] [--vendor NAME]`. */
export function parseGenerateArgs(argv: readonly string[], root: string): GenerateArgs {
  const args: GenerateArgs = { check: false, root };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--check") args.check = true;
    else if (a === "--strict") args.strict = true;
    else if (a === "--verbose") args.verbose = true;
    else if (a === "--vendor") {
      const v = argv[++i];
      if (!v) throw new Error("--vendor needs a vendor id");
      args.vendor = v;
    } else if (a?.startsWith("--vendor=")) args.vendor = a.slice("--vendor=".length);
    else throw new Error(`unknown argument "${a}" (usage: ${USAGE})`);
  }
  return args;
}

/** Runs `gen generate`; returns the process exit code. */
export async function runGenerate(
  args: GenerateArgs,
  log: (line: string) => void = console.log,
): Promise<number> {
  try {
    const options = {
      root: args.root,
      check: args.check,
      onProgress: log,
      ...(args.strict ? { strict: true } : {}),
      ...(args.vendor ? { vendor: args.vendor } : {}),
    };
    let result: GenerateResult;
    try {
      result = await generate(options);
    } catch (e) {
      // README "Adding a vendor": a new id whose OpenAPI file is in catalogs/<id>/ is registered.
      const unknown = e instanceof GenerationError && e.first?.code === "unknown-vendor";
      if (!unknown || !args.vendor) throw e;
      const { config } = await loadGenConfig(args.root);
      const added = await registerVendor(args.root, args.vendor, config, args.check);
      log(
        `${args.check ? "would register" : "registered"} vendor "${added.id}" in gen.config.json (${added.catalog}, adapter openapi, out ${added.out})`,
      );
      result = await generate({ ...options, config });
    }
    for (const line of summarizeWarnings(result.warnings, { verbose: args.verbose === true })) log(line);
    for (const v of result.vendors) {
      const stats = Object.entries(v.stats)
        .map(([k, n]) => `${k}=${n}`)
        .join(" ");
      log(`${v.id}: ${v.operations} operation(s)${stats ? ` (${stats})` : ""}`);
    }
    for (const c of result.changesets ?? [])
      log(
        `${args.check ? "would write changeset" : "changeset"} ${c.path}: ${c.packageName} ${c.bump} (${c.changes.length} change(s))`,
      );
    if (result.skipped.length) log(`skipped (no catalog yet): ${result.skipped.join(", ")}`);

    if (args.check) {
      if (result.changes.length === 0) {
        log("generated files are up to date");
        return 0;
      }
      log(`stale generated files (run \`pnpm generate\`):`);
      for (const c of result.changes)
        log(
          `  ${c.action === "delete" ? "should be deleted" : c.action === "create" ? "missing" : "differs"}: ${c.path}`,
        );
      return 1;
    }
    log(result.changes.length ? `wrote ${result.changes.length} change(s):` : "nothing changed");
    for (const c of result.changes) log(`  ${c.action} ${c.path}`);
    return 0;
  } catch (e) {
    if (e instanceof GenerationError) {
      const warnings = e.diagnostics.filter((d) => d.severity === "warning");
      for (const line of summarizeWarnings(warnings, { verbose: args.verbose === true })) log(line);
      const errors = e.diagnostics.filter((d) => d.severity === "error");
      log(`generation failed with ${errors.length} error(s):`);
      for (const d of errors) log(`  error [${d.code}] ${d.file ?? ""} > ${jsonPointer(d)}: ${d.message}`);
      log("nothing was written");
      return 1;
    }
    throw e;
  }
}

/** `gen generate [--check] [--vendor NAME]` in the CLI's command shape; resolves to the exit code. */
export async function generateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  return runGenerate(parseGenerateArgs(argv, io.cwd), (line) => io.stdout.write(`${line}\n`));
}
