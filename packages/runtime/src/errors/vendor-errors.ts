import { GenError, type GenErrorInit } from "./gen-error.js";

/** The vendor refused the credentials (bad, expired or missing key). */
export class AuthenticationError extends GenError {
  override name = "AuthenticationError";
  constructor(message: string, init: GenErrorInit = {}) {
    super("authentication", message, init);
  }
}

/** The account lacks the credits or plan the operation needs. */
export class InsufficientCreditsError extends GenError {
  override name = "InsufficientCreditsError";
  constructor(message: string, init: GenErrorInit = {}) {
    super("insufficient_credits", message, init);
  }
}

/** Too many requests or concurrent tasks; `retryAfterMs` when the vendor said how long to wait. */
export class RateLimitedError extends GenError {
  override name = "RateLimitedError";
  readonly retryAfterMs?: number;
  constructor(message: string, init: GenErrorInit & { retryAfterMs?: number | undefined } = {}) {
    super("rate_limited", message, { retryable: true, ...init });
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }
}

/** The vendor's moderation refused the prompt or media. */
export class ContentRejectedError extends GenError {
  override name = "ContentRejectedError";
  constructor(message: string, init: GenErrorInit = {}) {
    super("content_rejected", message, init);
  }
}

/** The resource (task, file, model) does not exist. */
export class NotFoundError extends GenError {
  override name = "NotFoundError";
  constructor(message: string, init: GenErrorInit = {}) {
    super("not_found", message, init);
  }
}

/** The vendor failed on its side (5xx or a server-error code). */
export class VendorServerError extends GenError {
  override name = "VendorServerError";
  constructor(message: string, init: GenErrorInit = {}) {
    super("server_error", message, { retryable: true, ...init });
  }
}
