import { type GenErrorKind, isGenError } from "./errors/gen-error.js";
import { AbortedError, NetworkError, TimeoutError } from "./errors/network-errors.js";
import type { RateLimitedError } from "./errors/vendor-errors.js";
import { backoffDelay, DEFAULT_RETRY } from "./retry-policy.js";
import type { ErrorCodeDefinition, ErrorKind, RetryOptions } from "./types.js";

/**
 * What failed: a paid `create`, an idempotent `read`, an `upload` (bytes PUT to a presigned URL,
 * idempotent), or a `poll` as the task wait sees it (after the poll request's own retries).
 * Downloads are one attempt under one deadline and never ask: their bytes already went to the sink.
 */
export type RequestKind = "create" | "read" | "upload" | "poll";

/** Did the failed attempt reach the vendor: proven not, possibly, or certainly (something answered). */
export type Sent = "no" | "maybe" | "yes";

/** One failed attempt, as the one retry decision needs it. */
export interface RetryEvent {
  kind: RequestKind;
  /** What the attempt ended with (a runtime error for requests; anything for a poll). */
  error: unknown;
  /** A hop answered (a redirect, or the final response whose body then failed) before the failure. */
  answeredHop?: boolean | undefined;
  /** This attempt, from 1 (for a poll: consecutive failed polls, this one included). */
  attempt: number;
  /** Attempts allowed, the first included (for a poll: `maxPollErrors`). */
  maxAttempts: number;
  /** The vendor's error-table entry for the answer's code. */
  code?: ErrorCodeDefinition | undefined;
  /** Resubmissions of this create its vendor codes (`retryCreate`) have granted so far. */
  createRetries?: number | undefined;
  /** The answer's Retry-After, in ms. */
  retryAfterMs?: number | undefined;
  /** Backoff bounds for requests (a poll's next time is the wait's schedule). */
  policy?: Pick<RetryOptions, "baseDelayMs" | "maxDelayMs" | "maxRetryAfterMs"> | undefined;
  random?: () => number;
}

/** The answer: retry (after `delayMs`) or throw an error of `errorKind`. */
export interface RetryDecision {
  retry: boolean;
  /** Wait before the next attempt (requests only). */
  delayMs?: number;
  sent: Sent;
  /** What is thrown when not retrying: the error's own kind, or `ambiguous_submission` around it. */
  errorKind: GenErrorKind | "unknown";
  /** `createRetries` after this decision. */
  createRetries: number;
}

/** Error kinds the runtime raises itself before sending anything (without an HTTP status). */
const REFUSED_BEFORE_SENDING: ReadonlySet<string> = new Set([
  "host_not_allowed",
  "missing_credential",
  "invalid_request",
]);

/** Whether an attempt reached the vendor. An answered hop means it did, whatever failed later. */
export function judgeSent(error: unknown, answeredHop = false): Sent {
  if (answeredHop) return "yes";
  if (error instanceof NetworkError) return error.sent ? "maybe" : "no";
  if (!isGenError(error) || error instanceof TimeoutError || error instanceof AbortedError) return "maybe";
  // A runtime error with an HTTP status is an answer; a few are the runtime's own checks, raised
  // before a byte leaves; anything else may have happened mid-flight.
  if (error.status !== undefined) return "yes";
  return REFUSED_BEFORE_SENDING.has(error.kind) ? "no" : "maybe";
}

/** Whether an idempotent request answered with this error kind (and code entry) may be repeated. */
export function isRetryableAnswer(kind: ErrorKind, code: ErrorCodeDefinition | undefined): boolean {
  return code?.retryable ?? (kind === "rate_limited" || kind === "server_error");
}

function isTransient(error: unknown): boolean {
  return (
    error instanceof NetworkError || error instanceof TimeoutError || (isGenError(error) && error.retryable)
  );
}

/**
 * The one rule for "may this be retried, and is it sent?". A read, upload or poll retries
 * transient failures (network, timeout, retryable answers). A create is resubmitted only when it
 * provably never left (`sent: "no"`) or the vendor answered with a code granting `retryCreate`;
 * once it may have arrived with no readable answer it is `ambiguous_submission`, never resent.
 * An abort, the last attempt or a Retry-After beyond `maxRetryAfterMs` ends the retries.
 * Timeouts by phase: a connect that timed out arrives as `NetworkError { sent: false }` (the
 * transport's classifier); the per-attempt deadline or a response timer may fire after the bytes
 * left (`maybe`), and after an answered hop (`yes`).
 */
export function decideRetry(event: RetryEvent): RetryDecision {
  const { kind, error, attempt } = event;
  const answeredHop = event.answeredHop === true;
  const sent = judgeSent(error, answeredHop);
  const aborted = error instanceof AbortedError;
  const answered = sent === "yes" && !answeredHop;
  const ambiguous = kind === "create" && !aborted && !answered && sent !== "no";
  const errorKind = ambiguous ? "ambiguous_submission" : isGenError(error) ? error.kind : "unknown";
  let createRetries = event.createRetries ?? 0;
  const stop = (): RetryDecision => ({ retry: false, sent, errorKind, createRetries });
  if (aborted || attempt >= event.maxAttempts) return stop();
  if (kind === "create") {
    const neverLeft = sent === "no" && error instanceof NetworkError;
    const granted = answered && createRetries < (event.code?.retryCreate ?? 0);
    if (!neverLeft && !granted) return stop();
    if (granted) createRetries++;
  } else if (!isTransient(error)) return stop();
  if (kind === "poll") return { retry: true, sent, errorKind, createRetries };
  const policy = event.policy ?? DEFAULT_RETRY;
  const limited = isGenError(error) && error.kind === "rate_limited";
  const retryAfterMs = event.retryAfterMs ?? (limited ? (error as RateLimitedError).retryAfterMs : undefined);
  if (retryAfterMs !== undefined && retryAfterMs > (policy.maxRetryAfterMs ?? DEFAULT_RETRY.maxRetryAfterMs))
    return stop();
  const floor = Math.min((answered && event.code?.retryDelayMs) || 0, policy.maxDelayMs);
  const delayMs =
    retryAfterMs ??
    Math.max(floor, backoffDelay(attempt - 1, policy.baseDelayMs, policy.maxDelayMs, event.random));
  return { retry: true, delayMs, sent, errorKind, createRetries };
}
