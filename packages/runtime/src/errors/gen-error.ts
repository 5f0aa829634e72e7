import type { ErrorKind } from "../types.js";

/** Every kind of failure the runtime reports: the vendor error kinds plus the runtime's own. */
export type GenErrorKind =
  | ErrorKind
  | "invalid_response"
  | "network"
  | "timeout"
  | "aborted"
  | "host_not_allowed"
  | "task_failed"
  | "task_cancelled"
  | "task_timed_out"
  | "ambiguous_submission"
  | "missing_credential"
  | "file_write";

/** Fields shared by every runtime error; all optional except where a subclass says otherwise. */
export interface GenErrorInit {
  vendor?: string | undefined;
  code?: string | undefined;
  vendorMessage?: string | undefined;
  status?: number | undefined;
  requestId?: string | undefined;
  retryable?: boolean | undefined;
  userMessage?: string | undefined;
  cause?: unknown;
}

/**
 * Base class of every error thrown by the runtime and the generated SDKs. Never carries a
 * credential: messages and fields are built from vendor codes, hosts and field names only.
 */
export class GenError extends Error {
  override name = "GenError";
  readonly kind: GenErrorKind;
  /** Vendor id (`acme`), when the error concerns one vendor. */
  readonly vendor?: string;
  /** The vendor's own error code, as a string. */
  readonly code?: string;
  /** The vendor's own message, verbatim (credentials redacted). */
  readonly vendorMessage?: string;
  /** HTTP status, when there was a response. */
  readonly status?: number;
  /** The vendor's request or trace id, for support tickets. */
  readonly requestId?: string;
  /** Whether repeating the same request may succeed (a read; creates follow stricter rules). */
  readonly retryable: boolean;
  /** Short text fit to show an end user (in `options.language` where the vendor gives wording). */
  readonly userMessage: string;

  constructor(kind: GenErrorKind, message: string, init: GenErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = kind;
    // The declared fields already exist (as undefined): copying an absent value changes nothing.
    for (const key of ["vendor", "code", "vendorMessage", "status", "requestId"] as const)
      (this as Record<string, unknown>)[key] = init[key];
    this.retryable = init.retryable ?? false;
    this.userMessage = init.userMessage ?? message;
  }
}

/** True when `value` is a runtime error (works across duplicated copies of the runtime). */
export function isGenError(value: unknown): value is GenError {
  return (
    value instanceof GenError || (value instanceof Error && typeof (value as GenError).kind === "string")
  );
}
