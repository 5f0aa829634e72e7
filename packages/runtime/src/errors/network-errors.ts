import { GenError, type GenErrorInit } from "./gen-error.js";

/**
 * The exchange failed below HTTP. `sent: false` only when the request provably never reached the
 * server (refused connection, DNS or TLS failure before any byte was written).
 */
export class NetworkError extends GenError {
  override name = "NetworkError";
  readonly sent: boolean;
  constructor(message: string, init: GenErrorInit & { sent: boolean }) {
    super("network", message, { retryable: true, ...init });
    this.sent = init.sent;
  }
}

/** No complete response within `timeoutMs`; the request may have reached the server. */
export class TimeoutError extends GenError {
  override name = "TimeoutError";
  readonly timeoutMs?: number;
  constructor(message: string, init: GenErrorInit & { timeoutMs?: number | undefined } = {}) {
    super("timeout", message, { retryable: true, ...init });
    if (init.timeoutMs !== undefined) this.timeoutMs = init.timeoutMs;
  }
}

/** The caller's AbortSignal fired. */
export class AbortedError extends GenError {
  override name = "AbortedError";
  constructor(message = "The operation was aborted", init: GenErrorInit = {}) {
    super("aborted", message, init);
  }
}
