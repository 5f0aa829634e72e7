import { buildUrl } from "./build-url.js";
import type { ClientContext } from "./client-context.js";
import { decodeEnvelope, type ReceivedResponse } from "./decode-response.js";
import type { GenError } from "./errors/gen-error.js";
import { ownOptions } from "./own-options.js";
import { readBodyText } from "./read-body-text.js";
import { type RedirectingRequest, sendExchange } from "./send-exchange.js";
import type { FailedAttempt } from "./settle-failure.js";
import type { RawRequest, RawResponse } from "./types.js";
import { wantsEvents } from "./wants-events.js";
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
 * is thrown as `AmbiguousSubmissionError` (it may have been received). What only some calls need
 * loads on first use, so a one-operation app does not bundle it: the hooks and logger events
 * (`request-hooks`, when the client has them), redirects (`follow-redirects`, on a 3xx), binary
 * decoding (`decode-binary`, for a binary operation) and the failure path (`settle-failure`).
 */
export async function sendRequest<Data>(ctx: ClientContext, given: RawRequest): Promise<RawResponse<Data>> {
  // Own properties only: a polluted Object.prototype cannot supply a baseUrl or headers (a
  // null-prototype request, as `buildOperationRequest` makes, has nothing else to read).
  const req = Object.getPrototypeOf(given) === null ? given : ownOptions(given);
  const { vendor, options } = ctx;
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
  const hooks = wantsEvents(options) ? await import("./request-hooks.js") : undefined;
  // Hooks and logs see what errors see: every secret the client knows, credential headers masked.
  let secrets: readonly string[] = [];
  if (hooks) {
    try {
      secrets = ctx.auth().secrets;
    } catch {}
  }
  const hidden = { secrets, headerNames: redirecting.credentialHeaders };
  for (let attempt = 1; ; attempt++) {
    // Whether a hop answered but no final response came back (a failed redirect): sent.
    let answeredUnfinished = false;
    redirecting.answered = false;
    let received: ReceivedResponse | undefined;
    const seen = { vendor: vendor.id, method: req.method, url, attempt };
    const started = hooks ? Date.now() : 0;
    const observe = (failure?: GenError, requestId?: string) =>
      hooks?.emitResponse(
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
    hooks?.emitRequest(options, { ...seen, headers }, hidden);
    let caught: unknown;
    let answer: FailedAttempt["answer"];
    try {
      const deadline = new Deadline(req.signal, timeoutMs, what, ctx.newController);
      try {
        redirecting.signal = deadline.signal;
        redirecting.checked ??= ctx.checkApiUrl(url);
        const { response } = await sendExchange(ctx.transport, redirecting);
        if (req.responseType && response.status >= 200 && response.status < 300) {
          const { decodeBinary } = await import("./decode-binary.js");
          const data = await decodeBinary(response, req.responseType, vendor.id, binaryMax);
          return { status: response.status, headers: response.headers, data: data as Data };
        }
        const text = await readBodyText(response, ctx.limits.maxResponseBytes);
        received = { status: response.status, headers: response.headers, text };
      } catch (failure) {
        // Set by sendExchange meanwhile (the reset above narrowed the type to false).
        answeredUnfinished = (redirecting as { answered?: boolean }).answered === true;
        throw deadline.failure(failure);
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
      answer = { received, decoded };
    } catch (thrown) {
      caught = thrown;
    }
    // The failure path loads with the first failure (vendor error classes, redaction, the one
    // retry decision): a successful call does not bundle it.
    const { settleFailure } = await import("./settle-failure.js");
    createRetries = await settleFailure({
      ctx,
      req,
      url,
      what,
      headers,
      own,
      attempt,
      createRetries,
      answeredHop: answeredUnfinished,
      caught,
      answer,
      observe: (error) => observe(error),
    });
  }
}
