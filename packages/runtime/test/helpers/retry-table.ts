import { classifyNetworkError } from "../../src/classify-network-error.js";
import type { RetryEvent } from "../../src/decide-retry.js";
import {
  AbortedError,
  HostNotAllowedError,
  InvalidResponseError,
  LimitExceededError,
  TaskTimedOutError,
  TimeoutError,
} from "../../src/errors/index.js";
import { mapVendorError } from "../../src/map-vendor-error.js";
import { acmeVendor } from "./acme-vendor.js";

// Given one failed attempt (what happened, for each request kind), want: retry or stop, whether it
// was sent, and the kind of error thrown when it stops. The pipeline obeys this table end to end
// (decide-retry-loopback.test.ts); `upload` follows the `read` column.

export const acme = acmeVendor();
export const answer = (status: number, code?: string, retryAfterMs?: number) => ({
  error: mapVendorError(acme, { status, code, retryAfterMs }),
  code: code === undefined ? undefined : acme.errors?.[code],
});
/** What the transport's classifier makes of a raw socket failure with this code. */
const failed = (code: string, syscall?: string) =>
  classifyNetworkError(Object.assign(new Error(code), { code, syscall }), {
    url: "https://api.acme.test/v1/x",
    method: "POST",
    headers: {},
    signal: new AbortController().signal,
  });
export const refused = () => failed("ECONNREFUSED", "connect");
const lost = () => failed("ECONNRESET", "read");
const offList = () => new HostNotAllowedError("evil.test", ["api.acme.test"], "not on the list");
const handle = { vendor: "acme", taskId: "t1", operation: "x", createdAt: "2026-01-01T00:00:00Z" };

export type Given = Omit<RetryEvent, "kind" | "maxAttempts" | "attempt"> & { attempt?: number };
/** `retry|stop sent errorKind`; `-` where the event cannot reach that kind. */
type Want = string;
// biome-ignore format: a given/want table reads best one row per line
export const retryTable: Array<[event: string, given: () => Given, create: Want, read: Want, poll: Want]> = [
  // event, given, then want for: create, read (and upload), poll
  ["connection refused (never sent)", () => ({ error: refused() }), "retry no network", "retry no network", "retry no network"],
  ["connect timed out (before any byte)", () => ({ error: failed("UND_ERR_CONNECT_TIMEOUT") }), "retry no network", "retry no network", "retry no network"],
  ["DNS lookup failed", () => ({ error: failed("ENOTFOUND", "getaddrinfo") }), "retry no network", "retry no network", "retry no network"],
  ["no response headers in time (transport timer)", () => ({ error: failed("UND_ERR_HEADERS_TIMEOUT") }), "stop maybe ambiguous_submission", "retry maybe network", "retry maybe network"],
  ["connection lost after bytes written", () => ({ error: lost() }), "stop maybe ambiguous_submission", "retry maybe network", "retry maybe network"],
  ["refused on a hop after a redirect answered", () => ({ error: refused(), answeredHop: true }), "stop yes ambiguous_submission", "retry yes network", "retry yes network"],
  ["per-attempt timeout", () => ({ error: new TimeoutError("slow") }), "stop maybe ambiguous_submission", "retry maybe timeout", "retry maybe timeout"],
  ["timeout while reading an answered body", () => ({ error: new TimeoutError("slow"), answeredHop: true }), "stop yes ambiguous_submission", "retry yes timeout", "retry yes timeout"],
  ["caller's abort", () => ({ error: new AbortedError() }), "stop maybe aborted", "stop maybe aborted", "stop maybe aborted"],
  ["HTTP 503", () => answer(503), "stop yes server_error", "retry yes server_error", "retry yes server_error"],
  ["HTTP 408", () => answer(408), "stop yes rate_limited", "retry yes rate_limited", "retry yes rate_limited"],
  ["HTTP 429, Retry-After 1 s", () => answer(429, undefined, 1000), "stop yes rate_limited", "retry yes rate_limited", "retry yes rate_limited"],
  ["HTTP 429, Retry-After 120 s (over maxRetryAfterMs)", () => answer(429, undefined, 120_000), "stop yes rate_limited", "stop yes rate_limited", "retry yes rate_limited"],
  ["HTTP 400", () => answer(400), "stop yes invalid_request", "stop yes invalid_request", "stop yes invalid_request"],
  ["HTTP 401", () => answer(401), "stop yes authentication", "stop yes authentication", "stop yes authentication"],
  ["HTTP 404", () => answer(404), "stop yes not_found", "stop yes not_found", "stop yes not_found"],
  ["code marked retryable (1004)", () => answer(200, "1004"), "stop yes server_error", "retry yes server_error", "retry yes server_error"],
  ["code with retryCreate 1 (1003), none used", () => answer(200, "1003"), "retry yes rate_limited", "retry yes rate_limited", "retry yes rate_limited"],
  ["code with retryCreate 1 (1003), one used", () => ({ ...answer(200, "1003"), createRetries: 1 }), "stop yes rate_limited", "retry yes rate_limited", "retry yes rate_limited"],
  ["code out of credits (1002)", () => answer(200, "1002"), "stop yes insufficient_credits", "stop yes insufficient_credits", "stop yes insufficient_credits"],
  ["code content rejected (1005)", () => answer(200, "1005"), "stop yes content_rejected", "stop yes content_rejected", "stop yes content_rejected"],
  ["unknown code at HTTP 200", () => answer(200, "7777"), "stop yes invalid_request", "stop yes invalid_request", "stop yes invalid_request"],
  ["2xx answer that is not JSON", () => ({ error: new InvalidResponseError("not JSON", { status: 200 }) }), "stop yes invalid_response", "stop yes invalid_response", "stop yes invalid_response"],
  ["answer over maxResponseBytes while reading", () => ({ error: new LimitExceededError("maxResponseBytes", 10, "The answer"), answeredHop: true }), "stop yes ambiguous_submission", "stop yes invalid_response", "stop yes invalid_response"],
  ["more than 5 redirects", () => ({ error: new InvalidResponseError("Too many redirects", { status: 302 }), answeredHop: true }), "stop yes ambiguous_submission", "stop yes invalid_response", "stop yes invalid_response"],
  ["redirect to a host off the list", () => ({ error: offList(), answeredHop: true }), "stop yes ambiguous_submission", "stop yes host_not_allowed", "stop yes host_not_allowed"],
  ["base URL off the list (checked before sending)", () => ({ error: offList() }), "stop no host_not_allowed", "stop no host_not_allowed", "stop no host_not_allowed"],
  ["transient failure on the last attempt", () => ({ error: refused(), attempt: 3 }), "stop no network", "stop no network", "stop no network"],
  ["lost on the last attempt", () => ({ error: lost(), attempt: 3 }), "stop maybe ambiguous_submission", "stop maybe network", "stop maybe network"],
  // A request wraps anything foreign as a NetworkError (sent: true); only a poll function can throw these.
  ["the wait's own deadline ran out mid-poll", () => ({ error: new TaskTimedOutError(handle, "local") }), "-", "-", "stop maybe task_timed_out"],
  ["the poll function threw a TypeError", () => ({ error: new TypeError("bug") }), "-", "-", "stop maybe unknown"],
];
