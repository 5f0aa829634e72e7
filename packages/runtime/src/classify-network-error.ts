import { describeRequest } from "./describe-request.js";
import { AbortedError, GenError, NetworkError, TimeoutError } from "./errors/index.js";
import type { TransportRequest } from "./types.js";

/** Codes that prove the request never reached the server: DNS, refused or unroutable connect. */
const UNSENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_FAIL",
  "EAI_NONAME",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "ERR_TLS_HANDSHAKE_TIMEOUT",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_REVOKED",
  "CERT_UNTRUSTED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "HOSTNAME_MISMATCH",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UND_ERR_INVALID_ARG",
  "ERR_INVALID_URL",
  "ERR_INVALID_ARG_TYPE",
  "ERR_INVALID_ARG_VALUE",
  "ERR_INVALID_HTTP_TOKEN",
  "ERR_INVALID_CHAR",
]);

/** OpenSSL errors that can only happen during the handshake, before any request byte. */
const TLS_HANDSHAKE_CODE =
  /^ERR_SSL_(WRONG_VERSION_NUMBER|UNSUPPORTED_PROTOCOL|NO_PROTOCOLS_AVAILABLE|\w*HANDSHAKE\w*|\w*PROTOCOL_VERSION|\w*CERTIFICATE\w*)$/;

const PHRASES: Readonly<Record<string, string>> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found (DNS)",
  EAI_AGAIN: "DNS lookup failed (temporary)",
  UND_ERR_CONNECT_TIMEOUT: "connect timeout",
  ECONNRESET: "connection reset by the server",
  UND_ERR_SOCKET: "connection closed by the server",
  UND_ERR_HEADERS_TIMEOUT: "no response headers in time",
  UND_ERR_BODY_TIMEOUT: "response body stalled",
};

interface ErrorLike {
  code?: unknown;
  syscall?: unknown;
  cause?: unknown;
  errors?: unknown;
  message?: unknown;
  name?: unknown;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as ErrorLike | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** True only when `error` (or what it wraps) proves the request never reached the server. */
export function isUnsentError(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 4) return false;
  const e = error as ErrorLike;
  if (Array.isArray(e.errors) && e.errors.length > 0) {
    return e.errors.every((inner) => isUnsentError(inner, depth + 1));
  }
  const code = codeOf(e);
  if (code !== undefined) {
    if (UNSENT_CODES.has(code) || TLS_HANDSHAKE_CODE.test(code)) return true;
    if (e.syscall === "connect" || e.syscall === "getaddrinfo") return true;
  }
  // Node's fetch refuses blocked ports before connecting.
  if (e.message === "bad port" && e.name === "Error") return true;
  return isUnsentError(e.cause, depth + 1);
}

function innermostCode(error: unknown): string | undefined {
  let current: unknown = error;
  let found: string | undefined;
  for (let depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    found = codeOf(current) ?? found;
    const e = current as ErrorLike;
    current = e.cause ?? (Array.isArray(e.errors) ? e.errors[0] : undefined);
  }
  return found;
}

function isTimeoutReason(reason: unknown): boolean {
  return (reason as ErrorLike | null)?.name === "TimeoutError";
}

export { describeRequest };

/**
 * Turns whatever a transport threw into a runtime error. The abort signal wins: a timeout reason
 * becomes `TimeoutError`, any other reason `AbortedError`. Otherwise a `NetworkError` whose `sent`
 * is false only on proof; once a response has arrived (`responded`) it is always true.
 * Messages carry the method, the URL without its query, and an error code: never header values.
 */
export function classifyNetworkError(error: unknown, request: TransportRequest, responded = false): GenError {
  const { signal } = request;
  if (signal.aborted) {
    const reason: unknown = signal.reason;
    if (reason instanceof TimeoutError || reason instanceof AbortedError) return reason;
    if (isTimeoutReason(reason))
      return new TimeoutError(`${describeRequest(request)} timed out`, { cause: reason });
    return new AbortedError(`${describeRequest(request)} was aborted`, { cause: reason });
  }
  if (error instanceof GenError) return error;
  const sent = responded || !isUnsentError(error);
  const code = innermostCode(error);
  const what = code === undefined ? "network error" : `${PHRASES[code] ?? "network error"} (${code})`;
  const suffix = responded ? " while reading the response" : sent ? "" : "; the request was not sent";
  return new NetworkError(`${describeRequest(request)} failed: ${what}${suffix}`, {
    sent,
    code,
    cause: error,
  });
}

/** Re-labels errors raised while a response body streams (abort, timeout, connection lost). */
export async function* guardBody(
  chunks: AsyncIterable<Uint8Array>,
  request: TransportRequest,
): AsyncGenerator<Uint8Array, void, undefined> {
  try {
    yield* chunks;
  } catch (error) {
    throw classifyNetworkError(error, request, true);
  }
}
