import { CliError } from "./cli-error.js";
import { EXIT } from "./exit-codes.js";

/** Batch failures as CLI errors: the message says what happened and that nothing was lost. */
export function batchErrorExit(error: unknown): unknown {
  const name = (error as { name?: string }).name;
  if (name === "BatchValidationError") return new CliError(EXIT.invalidInput, (error as Error).message);
  if (name !== "BatchError") return error;
  const kind = (error as { kind: string }).kind;
  const message = (error as Error).message;
  switch (kind) {
    case "missing_credential":
      return new CliError(EXIT.config, message, "Run `gen list` to see each vendor's variables.");
    case "redis_unreachable":
      return new CliError(EXIT.network, message);
    case "invalid_request":
      return new CliError(EXIT.invalidInput, message);
    default:
      return new CliError(EXIT.config, message);
  }
}
