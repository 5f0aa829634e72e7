import { EXIT, type ExitCode } from "./exit-codes.js";

/** An error the CLI raises itself, with its exit code and an optional hint line. */
export class CliError extends Error {
  override name = "CliError";
  readonly exitCode: ExitCode;
  readonly hint?: string;
  constructor(exitCode: ExitCode, message: string, hint?: string) {
    super(message);
    this.exitCode = exitCode;
    if (hint !== undefined) this.hint = hint;
  }
}

/** A usage error: bad command line. */
export function usageError(message: string, hint?: string): CliError {
  return new CliError(EXIT.usage, message, hint);
}
