import { type ParseArgsConfig, parseArgs } from "node:util";
import { usageError } from "./cli-error.js";
import { closestNames } from "./closest-names.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Parsed flags of one command: strings, booleans and repeatable string lists. */
export interface CommandArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/**
 * `node:util` parseArgs with errors rewritten in plain words naming the flag and the command.
 * Every command accepts `--help`/`-h`.
 */
export function parseCommandArgs(command: string, args: readonly string[], options: Options): CommandArgs {
  try {
    const parsed = parseArgs({
      args: [...args],
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
    return { values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    throw usageError(rewrite(error, command), flagHint(error, command, Object.keys(options)));
  }
}

/** "Did you mean --wait?" for a mistyped flag (edit distance), else where to look. */
function flagHint(error: unknown, command: string, flags: readonly string[]): string {
  const help = `Run \`gen ${command} --help\` for the flags it accepts.`;
  if ((error as { code?: string }).code !== "ERR_PARSE_ARGS_UNKNOWN_OPTION") return help;
  const given = /--([\w-]+)/.exec(error instanceof Error ? error.message : "")?.[1];
  const close = given ? closestNames(given, flags) : [];
  return close.length ? `Did you mean ${close.map((f) => `--${f}`).join(", ")}? ${help}` : help;
}

function rewrite(error: unknown, command: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const flag = /--[\w-]+/.exec(message)?.[0] ?? /'(-[^' ,]+)/.exec(message)?.[1] ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `Unknown flag ${flag} for \`gen ${command}\``;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    return /missing/.test(message)
      ? `The flag ${flag} needs a value`
      : `The flag ${flag} does not take a value`;
  }
  return message;
}

/** A string flag's value, or undefined. */
export function stringFlag(args: CommandArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === "string" ? value : undefined;
}

/** A repeatable string flag's values (empty when absent). */
export function listFlag(args: CommandArgs, name: string): string[] {
  const value = args.values[name];
  if (Array.isArray(value)) return value;
  return typeof value === "string" ? [value] : [];
}

/** A boolean flag. */
export function boolFlag(args: CommandArgs, name: string): boolean {
  return args.values[name] === true;
}

/** A positive number flag in seconds, converted to ms; names the flag when malformed. */
export function secondsFlag(args: CommandArgs, name: string): number | undefined {
  const raw = stringFlag(args, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0)
    throw usageError(`--${name} must be a positive number of seconds, got "${raw}"`);
  return Math.round(n * 1000);
}

/** `--poll-ms MS`: a fixed delay between status polls (10 ms to 10 minutes). */
export function pollMsFlag(args: CommandArgs): number | undefined {
  const raw = stringFlag(args, "poll-ms");
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 10 || n > 600_000) {
    throw usageError(`--poll-ms must be a whole number of milliseconds from 10 to 600000, got "${raw}"`);
  }
  return n;
}
