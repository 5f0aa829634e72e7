import { isGenError } from "@gen/runtime";
import { CliError } from "./cli-error.js";
import { EXIT, type ExitCode } from "./exit-codes.js";

/** Maps any error (runtime or CLI) onto an exit code. */
export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof CliError) return error.exitCode;
  if (!isGenError(error)) return EXIT.internal;
  switch (error.kind) {
    case "invalid_request":
      return error.status === undefined && error.code === undefined ? EXIT.invalidInput : EXIT.vendorRejected;
    case "authentication":
    case "insufficient_credits":
    case "rate_limited":
    case "content_rejected":
    case "not_found":
    case "server_error":
    case "invalid_response":
      return EXIT.vendorRejected;
    case "task_failed":
    case "task_cancelled":
      return EXIT.taskFailed;
    case "task_timed_out":
    case "timeout":
      return EXIT.timeout;
    case "network":
    case "ambiguous_submission":
      return EXIT.network;
    case "missing_credential":
    case "host_not_allowed":
    case "file_write":
      return EXIT.config;
    case "aborted":
      return EXIT.interrupted;
    default:
      return EXIT.internal;
  }
}
