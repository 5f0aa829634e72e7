import { SENSITIVE_HEADERS } from "./auth-headers.js";
import type { ClientContext } from "./client-context.js";
import { decideRetry } from "./decide-retry.js";
import type { DecodedEnvelope, ReceivedResponse } from "./decode-response.js";
import { AmbiguousSubmissionError } from "./errors/ambiguous-submission-error.js";
import { GenError } from "./errors/gen-error.js";
import { NetworkError } from "./errors/network-errors.js";
import { mapVendorError } from "./map-vendor-error.js";
import { ownValue } from "./own-options.js";
import { redactError } from "./redact-error.js";
import { parseRetryAfter } from "./retry-policy.js";
import { sleep } from "./sleep.js";
import type { RawRequest } from "./types.js";
import { withoutQuery } from "./without-query.js";

/** One failed attempt of `sendRequest`, as it saw it. */
export interface FailedAttempt {
  ctx: ClientContext;
  req: RawRequest;
  url: string;
  /** `METHOD url-without-query`, for messages. */
  what: string;
  headers: Record<string, string>;
  /** Lower-case names of the credential's own headers. */
  own: readonly string[] | undefined;
  attempt: number;
  createRetries: number;
  /** Whether a hop answered but no final response came back (a failed redirect): sent. */
  answeredHop: boolean;
  /** What was thrown, or the vendor's answer that decoded to an error. */
  caught?: unknown;
  answer?: { received: ReceivedResponse; decoded: Exclude<DecodedEnvelope, { ok: true }> };
  /** Hands the (redacted) failure to the hooks and logger, when the client has them. */
  observe: (error: GenError) => void;
}

/**
 * The failure path of `sendRequest`, loaded with the first failure (a successful call does not
 * bundle it): the vendor error classes, the error redaction, the one retry decision, the
 * ambiguous-create error and the retry wait. Returns the create-retry count for the next attempt
 * after waiting, or throws the final, redacted error.
 */
export async function settleFailure(f: FailedAttempt): Promise<number> {
  const { ctx, req } = f;
  const vendor = ctx.vendor;
  let error: GenError;
  let retryAfterMs: number | undefined;
  if (f.answer) {
    const { decoded, received } = f.answer;
    error = "error" in decoded ? decoded.error : mapVendorError(vendor, decoded.vendorError);
    retryAfterMs = parseRetryAfter(received.headers["retry-after"]);
  } else {
    error =
      f.caught instanceof GenError
        ? f.caught
        : new NetworkError(`${f.what} failed`, { sent: true, vendor: vendor.id, cause: f.caught });
  }
  // Every string of the error passes the client's one redaction before anyone sees it.
  redactError(error, ctx.redact);
  f.observe(error);
  const retry = ctx.retry;
  const decision = decideRetry({
    kind: req.kind,
    error,
    answeredHop: f.answeredHop,
    attempt: f.attempt,
    maxAttempts: retry.maxAttempts,
    code: error.code === undefined ? undefined : ownValue(vendor.errors, error.code),
    createRetries: f.createRetries,
    retryAfterMs,
    policy: retry,
  });
  if (!decision.retry) {
    const thrown = decision.errorKind === "ambiguous_submission" ? ambiguous(error, f) : error;
    throw redactError(thrown, ctx.redact);
  }
  const delayMs = decision.delayMs ?? 0;
  // The hook sees the URL without its query (an upload token URL carries the key there), redacted.
  await retry.onRetry?.({
    attempt: f.attempt,
    delayMs,
    error,
    method: req.method,
    url: ctx.redact(f.what.slice(req.method.length + 1)),
  });
  await sleep(delayMs, req.signal);
  return decision.createRetries;
}

/** The create that may have reached the vendor, as an error carrying the request minus credentials. */
function ambiguous(error: GenError, f: FailedAttempt): AmbiguousSubmissionError {
  const secretHeaders = f.own ?? [];
  const safeHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(f.headers)) {
    const lower = name.toLowerCase();
    if (!secretHeaders.includes(lower) && !SENSITIVE_HEADERS.includes(lower)) safeHeaders[name] = value;
  }
  return new AmbiguousSubmissionError(
    { method: f.req.method, url: withoutQuery(f.url), headers: safeHeaders, body: f.req.body },
    { vendor: error.vendor, cause: error, retryable: false },
  );
}
