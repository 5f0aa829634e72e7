import { SENSITIVE_HEADERS } from "./auth-headers.js";
import { buildUrl } from "./build-url.js";
import type { ClientContext } from "./client-context.js";
import { decodeBinary } from "./decode-binary.js";
import { decodeEnvelope, type ReceivedResponse } from "./decode-response.js";
import { AmbiguousSubmissionError } from "./errors/ambiguous-submission-error.js";
import { GenError } from "./errors/gen-error.js";
import { NetworkError } from "./errors/network-errors.js";
import { followRedirects, type RedirectingRequest } from "./follow-redirects.js";
import { ownOptions, ownValue } from "./own-options.js";
import { readBodyText } from "./read-body-text.js";
import { emitRequest, emitResponse, wantsEvents } from "./request-hooks.js";
import { parseRetryAfter } from "./retry-policy.js";
import { sleep } from "./sleep.js";
import type { RawRequest, RawResponse } from "./types.js";
import { Deadline } from "./with-deadline.js";
import { withoutQuery } from "./without-query.js";

/** Per-attempt timeout when neither the client nor the call sets one. */
export const DEFAULT_TIMEOUT_MS = 60_000;

function encodeBody(body: unknown): string | Uint8Array | undefined {
  if (body === undefined) return undefined;
  if (typeof body === "string" || body instanceof Uint8Array) return body;
  return JSON.stringify(body);
}

/**
 * One request through the whole pipeline: URL building and host policy, credentials, user agent,
 * timeout and abort, manual redirects, envelope decoding and error mapping, and retries: after
 * each failed attempt `decideRetry` says whether to retry, after how long, and whether a create
 * is thrown as `AmbiguousSubmissionError` (it may have been received).
 */
export async function sendRequest<Data>(ctx: ClientContext, given: RawRequest): Promise<RawResponse<Data>> {
  // Own properties only: a polluted Object.prototype cannot supply a baseUrl or headers (a
  // null-prototype request, as `buildOperationRequest` makes, has nothing else to read).
  const req = Object.getPrototypeOf(given) === null ? given : ownOptions(given);
  const { vendor, options } = ctx;
  const retry = ctx.retry;
  const baseUrl = req.baseUrl ?? ctx.baseUrl;
  const timeoutMs = req.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const url = buildUrl(baseUrl, req.path, req.query);
  const auth = req.auth === false ? undefined : ctx.auth();
  const body = encodeBody(req.body);
  const headers: Record<string, string> = { ...(auth ? ctx.authedHeaders() : ctx.baseHeaders) };
  // Credential headers win over anything the request sets.
  const own = auth?.headerNames;
  if (body !== undefined && typeof req.body !== "string" && !(req.body instanceof Uint8Array)) {
    if (!own?.includes("content-type")) headers["content-type"] = "application/json";
  }
  if (req.headers) {
    for (const name of Object.keys(req.headers)) {
      const lower = name.toLowerCase();
      if (!own?.includes(lower)) headers[lower] = req.headers[name]!;
    }
  }
  // Binary answers (audio, images) default to their own larger cap unless the client sets one.
  const limits = options.limits;
  const binaryMax =
    limits && Object.hasOwn(limits, "maxResponseBytes") ? ctx.limits.maxResponseBytes : undefined;
  const what = `${req.method} ${withoutQuery(url)}`;
  const redirecting: RedirectingRequest = {
    url,
    method: req.method,
    headers,
    body,
    signal: undefined as unknown as AbortSignal,
    policy: ctx.policy(baseUrl),
    credentialed: ctx.credentialedFor(baseUrl),
    credentialHeaders: ctx.hiddenHeaderNames(auth),
    answered: false,
  };
  let createRetries = 0;
  const hooked = wantsEvents(options);
  // Hooks and logs see what errors see: every secret the client knows, credential headers masked.
  let secrets: readonly string[] = [];
  if (hooked) {
    try {
      secrets = ctx.auth().secrets;
    } catch {}
  }
  const hidden = { secrets, headerNames: redirecting.credentialHeaders };
  for (let attempt = 1; ; attempt++) {
    let error: GenError;
    let retryAfterMs: number | undefined;
    // Whether a hop answered but no final response came back (a failed redirect): sent.
    let answeredUnfinished = false;
    redirecting.answered = false;
    let received: ReceivedResponse | undefined;
    const seen = { vendor: vendor.id, method: req.method, url, attempt };
    const started = hooked ? Date.now() : 0;
    const observe = (failure?: GenError, requestId?: string) =>
      hooked &&
      emitResponse(
        options,
        {
          ...seen,
          headers: received?.headers ?? {},
          status: received?.status ?? 0,
          durationMs: Date.now() - started,
          ...(failure ? { error: failure } : {}),
          ...(requestId ? { requestId } : {}),
        },
        hidden,
      );
    if (hooked) emitRequest(options, { ...seen, headers }, hidden);
    try {
      const deadline = new Deadline(req.signal, timeoutMs, what, ctx.newController);
      try {
        redirecting.signal = deadline.signal;
        redirecting.checked ??= ctx.checkApiUrl(url);
        const { response } = await followRedirects(ctx.transport, redirecting);
        if (req.responseType && response.status >= 200 && response.status < 300) {
          const data = await decodeBinary(response, req.responseType, vendor.id, binaryMax);
          return { status: response.status, headers: response.headers, data: data as Data };
        }
        const text = await readBodyText(response, ctx.limits.maxResponseBytes);
        received = { status: response.status, headers: response.headers, text };
      } catch (caught) {
        // Set by followRedirects meanwhile (the reset above narrowed the type to false).
        answeredUnfinished = (redirecting as { answered?: boolean }).answered === true;
        throw deadline.failure(caught);
      } finally {
        deadline.finish();
      }
      const decoded = decodeEnvelope(vendor, received, {
        raw: req.raw,
        language: options.language,
        maxJsonDepth: ctx.limits.maxJsonDepth,
      });
      if (decoded.ok) {
        const out: RawResponse<Data> = {
          status: received.status,
          headers: received.headers,
          data: decoded.data as Data,
        };
        if (decoded.requestId) out.requestId = decoded.requestId;
        observe(undefined, decoded.requestId);
        return out;
      }
      // The vendor answered: its error classes load now (one-operation apps do not bundle them).
      error =
        "error" in decoded
          ? decoded.error
          : (await import("./map-vendor-error.js")).mapVendorError(vendor, decoded.vendorError);
      retryAfterMs = parseRetryAfter(received.headers["retry-after"]);
    } catch (caught) {
      error =
        caught instanceof GenError
          ? caught
          : new NetworkError(`${what} failed`, { sent: true, vendor: vendor.id, cause: caught });
    }
    // Every string of the error passes the client's one redaction before anyone sees it (the
    // redaction code loads with the first failure: successful calls do not bundle it).
    const { redactError } = await import("./redact-error.js");
    redactError(error, ctx.redact);
    observe(error);
    // The one retry decision, loaded with the first failure like the redaction.
    const { decideRetry } = await import("./decide-retry.js");
    const decision = decideRetry({
      kind: req.kind,
      error,
      answeredHop: answeredUnfinished,
      attempt,
      maxAttempts: retry.maxAttempts,
      code: error.code === undefined ? undefined : ownValue(vendor.errors, error.code),
      createRetries,
      retryAfterMs,
      policy: retry,
    });
    if (!decision.retry) {
      const thrown =
        decision.errorKind === "ambiguous_submission" ? ambiguous(error, req, url, headers, own) : error;
      throw redactError(thrown, ctx.redact);
    }
    createRetries = decision.createRetries;
    const delayMs = decision.delayMs ?? 0;
    // The hook sees the URL without its query (an upload token URL carries the key there), redacted.
    await retry.onRetry?.({
      attempt,
      delayMs,
      error,
      method: req.method,
      url: ctx.redact(what.slice(req.method.length + 1)),
    });
    await sleep(delayMs, req.signal);
  }
}

/** The create that may have reached the vendor, as an error carrying the request minus credentials. */
function ambiguous(
  error: GenError,
  req: RawRequest,
  url: string,
  headers: Record<string, string>,
  secretHeaders: readonly string[] = [],
): AmbiguousSubmissionError {
  const safeHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (!secretHeaders.includes(lower) && !SENSITIVE_HEADERS.includes(lower)) safeHeaders[name] = value;
  }
  return new AmbiguousSubmissionError(
    { method: req.method, url: withoutQuery(url), headers: safeHeaders, body: req.body },
    { vendor: error.vendor, cause: error, retryable: false },
  );
}
