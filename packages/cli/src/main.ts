import { isGenError } from "@gen/runtime";
import { CliError, usageError } from "./cli-error.js";
import { type CliIo, printJson, println, processIo } from "./cli-io.js";
import { cliWords } from "./cli-words.js";
import { batchCommand } from "./commands/batch.js";
import { callCommand } from "./commands/call.js";
import { listCommand } from "./commands/list.js";
import { mcpCommand } from "./commands/mcp.js";
import { mockCommand } from "./commands/mock.js";
import { studioCommand } from "./commands/studio.js";
import { waitCommand } from "./commands/wait.js";
import { workerCommand } from "./commands/worker.js";
import { exitCodeFor } from "./exit-code-for.js";
import { EXIT } from "./exit-codes.js";
import { COMMAND_HELP, MAIN_HELP } from "./help-text.js";
import { loadGenerateCommand } from "./load-generate-command.js";
import { parseCommandArgs } from "./parse-command-args.js";
import { redactingIo } from "./redacting-io.js";

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = {
  generate: runGenerateCommand,
  list: listCommand,
  call: callCommand,
  wait: waitCommand,
  mock: mockCommand,
  mcp: mcpCommand,
  studio: studioCommand,
  batch: batchCommand,
  worker: workerCommand,
};

/**
 * Runs the `gen` command line (`argv` as in `process.argv`: the arguments start at index 2)
 * and resolves to the exit code. Never throws: errors are printed in plain words.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const args = argv.slice(2);
  const [name, ...rest] = args;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    const topic = name === "help" ? rest[0] : undefined;
    io.stdout.write(topic && COMMAND_HELP[topic] ? COMMAND_HELP[topic] : MAIN_HELP);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    println(io.stdout, "gen 0.1.0");
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    println(io.stderr, `error: unknown command "${name}"`);
    println(io.stderr, `Commands: ${Object.keys(COMMANDS).join(", ")}. Run \`gen --help\`.`);
    return EXIT.usage;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout.write(COMMAND_HELP[name] ?? MAIN_HELP);
    return EXIT.ok;
  }
  const safeIo = redactingIo(io);
  try {
    return await command(rest, safeIo);
  } catch (error) {
    return reportError(error, safeIo, rest.includes("--json"));
  }
}

/** `gen generate`: loaded on demand (the generator is an optional peer); bad flags are usage errors. */
async function runGenerateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const flags = parseCommandArgs("generate", args, {
    check: { type: "boolean" },
    strict: { type: "boolean" },
    verbose: { type: "boolean" },
    vendor: { type: "string" },
  });
  if (flags.positionals.length > 0)
    throw usageError(`Unexpected argument "${flags.positionals[0]}" for \`gen generate\``);
  const { parseGenerateArgs, runGenerate } = await loadGenerateCommand();
  return runGenerate(parseGenerateArgs(args, io.cwd), (line) => println(io.stdout, line));
}

/** Prints an error (text on stderr, or a JSON line on stdout with `--json`) and returns its exit code. */
export function reportError(error: unknown, io: CliIo, json: boolean): number {
  const exitCode = exitCodeFor(error);
  const message = cliWords(error instanceof Error ? error.message : String(error));
  const hint = error instanceof CliError ? error.hint : hintFor(error);
  const details = isGenError(error) ? genErrorDetails(error) : {};
  if (json) {
    printJson(io.stdout, { type: "error", exitCode, message, ...details, ...(hint ? { hint } : {}) });
    return exitCode;
  }
  println(io.stderr, `error: ${message}`);
  if (isGenError(error)) {
    const tags = [
      error.vendor,
      error.code && `code ${error.code}`,
      error.requestId && `request ${error.requestId}`,
    ];
    const line = tags.filter(Boolean).join(", ");
    if (line) println(io.stderr, `  (${line})`);
  }
  if (hint) println(io.stderr, hint);
  if (exitCode === EXIT.internal && error instanceof Error && error.stack) println(io.stderr, error.stack);
  return exitCode;
}

function hintFor(error: unknown): string | undefined {
  const rule = (error as { rule?: unknown }).rule;
  if (rule === "unrecognized_keys") return "Send fields the catalog does not know with --extra key=value.";
  const kind = (error as { kind?: unknown }).kind;
  if (kind === "missing_credential") return "Run `gen list` to see each vendor's variables.";
  return undefined;
}

function genErrorDetails(error: Error & { kind: string }): Record<string, unknown> {
  const e = error as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { kind: e.kind };
  for (const key of ["vendor", "code", "status", "requestId", "field", "rule", "reason"]) {
    if (e[key] !== undefined) out[key] = e[key];
  }
  if (Array.isArray(e.issues) && e.issues.length > 0) out.issues = e.issues;
  return out;
}
