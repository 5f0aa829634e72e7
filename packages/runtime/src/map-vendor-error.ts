import { isRetryableAnswer } from "./decide-retry.js";
import type { GenError, GenErrorInit } from "./errors/gen-error.js";
import { InvalidRequestError } from "./errors/invalid-request-error.js";
import {
  AuthenticationError,
  ContentRejectedError,
  InsufficientCreditsError,
  NotFoundError,
  RateLimitedError,
  VendorServerError,
} from "./errors/vendor-errors.js";
import { ownValue } from "./own-options.js";
import type { ErrorKind, VendorDefinition } from "./types.js";

/** What the runtime knows about a failed response when mapping it to a typed error. */
export interface VendorErrorContext {
  status: number;
  code?: string | undefined;
  vendorMessage?: string | undefined;
  requestId?: string | undefined;
  retryAfterMs?: number | undefined;
  language?: string | undefined;
}

const USER_MESSAGES: Record<ErrorKind, string> = {
  authentication: "The API credentials were refused.",
  insufficient_credits: "Not enough credits for this request.",
  rate_limited: "Too many requests; try again shortly.",
  content_rejected: "The content was rejected by moderation.",
  invalid_request: "The request was invalid.",
  not_found: "The requested item was not found.",
  server_error: "The service had a problem; try again later.",
};

/** Error kind for an HTTP status when the vendor code is unknown. */
export function kindFromStatus(status: number): ErrorKind {
  if (status === 401 || status === 403) return "authentication";
  if (status === 402) return "insufficient_credits";
  if (status === 404) return "not_found";
  if (status === 408 || status === 429) return "rate_limited";
  if (status >= 500) return "server_error";
  return "invalid_request";
}

function pickLanguage(messages: Readonly<Record<string, string>> | undefined, language: string | undefined) {
  if (!messages || !language) return undefined;
  return messages[language] ?? messages[language.split("-")[0]!.toLowerCase()];
}

/**
 * Map a vendor code (through `vendor.errors`) or, for unknown codes, the HTTP status to the typed
 * error hierarchy. The message carries the vendor's own reason, with the code table's text as a
 * hint beside it (`IMA Studio: image_to_video needs 1 image (hint: ...) (code 500, HTTP 200)`). The result carries code, vendor message, status, request id, `retryable` and a
 * user message in `language` where the vendor definition has one.
 */
export function mapVendorError(vendor: VendorDefinition, ctx: VendorErrorContext): GenError {
  const def = ctx.code === undefined ? undefined : ownValue(vendor.errors, ctx.code);
  const kind = def?.kind ?? kindFromStatus(ctx.status);
  const retryable = isRetryableAnswer(kind, def);
  // The vendor's own reason first, our hint (the code table's text) beside it.
  const hint = def?.message;
  const own = ctx.vendorMessage?.trim() || undefined;
  const what =
    own && hint && own.toLowerCase() !== hint.toLowerCase()
      ? `${own} (hint: ${hint})`
      : (own ?? hint ?? USER_MESSAGES[kind]);
  const facts = [
    ctx.code !== undefined ? `code ${ctx.code}` : undefined,
    `HTTP ${ctx.status}`,
    ctx.requestId ? `request id ${ctx.requestId}` : undefined,
  ].filter(Boolean);
  const message = `${vendor.displayName}: ${what} (${facts.join(", ")})`;
  const init: GenErrorInit = {
    vendor: vendor.id,
    code: ctx.code,
    vendorMessage: ctx.vendorMessage,
    status: ctx.status,
    requestId: ctx.requestId,
    retryable,
    userMessage: pickLanguage(def?.messages, ctx.language) ?? def?.message ?? USER_MESSAGES[kind],
  };
  switch (kind) {
    case "authentication":
      return new AuthenticationError(message, init);
    case "insufficient_credits":
      return new InsufficientCreditsError(message, init);
    case "rate_limited":
      return new RateLimitedError(message, { ...init, retryAfterMs: ctx.retryAfterMs });
    case "content_rejected":
      return new ContentRejectedError(message, init);
    case "not_found":
      return new NotFoundError(message, init);
    case "server_error":
      return new VendorServerError(message, init);
    default:
      return new InvalidRequestError(message, init);
  }
}
