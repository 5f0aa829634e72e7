import { generate } from "@gen/codegen";
import { formatDiagnostic, GenerationError } from "@gen/spec";
import type { CliIo } from "../cli-io.js";

/** Parsed arguments of `gen generate`. */
export interface GenerateArgs {
  check: boolean;
  vendor?: string;
  root: string;
}

/** Parses `generate [--check] [--vendor NAME]`. */
export function parseGenerateArgs(argv: readonly string[], root: string): GenerateArgs {
  const args: GenerateArgs = { check: false, root };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--check") args.check = true;
    else if (a === "--vendor") {
      const v = argv[++i];
      if (!v) throw new Error("--vendor needs a vendor id");
      args.vendor = v;
    } else if (a?.startsWith("--vendor=")) args.vendor = a.slice("--vendor=".length);
    else throw new Error(`unknown argument "${a}" (usage: gen generate [--check] [--vendor NAME])`);
  }
  return args;
}

/** Runs `gen generate`; returns the process exit code. */
export async function runGenerate(
  args: GenerateArgs,
  log: (line: string) => void = console.log,
): Promise<number> {
  try {
    const result = await generate({
      root: args.root,
      check: args.check,
      onProgress: log,
      ...(args.vendor ? { vendor: args.vendor } : {}),
    });
    for (const w of result.warnings) log(formatDiagnostic(w));
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
      log(e.message);
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
