import type { GenErrorInit } from "./gen-error.js";
import { InvalidResponseError } from "./invalid-response-error.js";

/**
 * Outside data went over one of the runtime's limits (response size, JSON depth, download size).
 * `limit` names the option that raises it (`limits.maxResponseBytes`, `limits.maxJsonDepth`,
 * `limits.maxDownloadBytes`, or a download's own `maxBytes`).
 */
export class LimitExceededError extends InvalidResponseError {
  override name = "LimitExceededError";
  readonly limit: string;
  readonly max: number;
  constructor(limit: string, max: number, what: string, init: GenErrorInit = {}) {
    super(`${what} is over the limit ${limit} (${max})`, {
      userMessage: "The service sent more data than this client accepts.",
      ...init,
    });
    this.limit = limit;
    this.max = max;
  }
}
