import type { GenError } from "./errors/gen-error.js";
import { InvalidResponseError } from "./errors/invalid-response-error.js";
import { LimitExceededError } from "./errors/limit-exceeded-error.js";
import { getPath } from "./get-path.js";
import { mapVendorError, type VendorErrorContext } from "./map-vendor-error.js";
import { jsonTooDeep, parseJsonBounded } from "./parse-json-bounded.js";
import { parseRetryAfter } from "./retry-policy.js";
import type { VendorDefinition } from "./types.js";

const REQUEST_ID_HEADERS = ["x-request-id", "x-trace-id", "x-correlation-id", "request-id", "trace-id"];

/** The parts of a response the decoder reads. */
export interface ReceivedResponse {
  status: number;
  headers: Readonly<Record<string, string>>;
  text: string;
}

/** A decoded response: the unwrapped data, or the typed error it stands for. */
export type DecodedResponse =
  | { ok: true; data: unknown; requestId?: string }
  | { ok: false; error: GenError };

/** `DecodedResponse` with a vendor error left as its facts (`mapVendorError` turns them into the error). */
export type DecodedEnvelope = DecodedResponse | { ok: false; vendorError: VendorErrorContext };

const successSets = /* @__PURE__ */ new WeakMap<object, Set<string>>();

/** The envelope's success codes as strings (codes are compared as strings). */
function successCodes(envelope: NonNullable<VendorDefinition["envelope"]>): Set<string> {
  let set = successSets.get(envelope);
  if (!set) {
    set = new Set(envelope.successCodes.map(String));
    successSets.set(envelope, set);
  }
  return set;
}

function withRequestId(data: unknown, requestId: string | undefined): DecodedResponse {
  const out: { ok: true; data: unknown; requestId?: string } = { ok: true, data };
  if (requestId) out.requestId = requestId;
  return out;
}

function requestIdFromHeaders(headers: Readonly<Record<string, string>>): string | undefined {
  for (const name of REQUEST_ID_HEADERS) if (headers[name]) return headers[name];
  return undefined;
}

function scalar(value: unknown): string | undefined {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? String(value)
    : undefined;
}

/**
 * Decode one final response: parse JSON (non-JSON or truncated -> `InvalidResponseError` with the
 * raw text), unwrap the vendor envelope when `raw` is not set (success codes compared as
 * strings), and map failures through the vendor's error table or the HTTP status.
 */
export function decodeResponse(
  vendor: VendorDefinition,
  response: ReceivedResponse,
  options: { raw?: boolean | undefined; language?: string | undefined } = {},
): DecodedResponse {
  const decoded = decodeEnvelope(vendor, response, options);
  return "vendorError" in decoded
    ? { ok: false, error: mapVendorError(vendor, decoded.vendorError) }
    : decoded;
}

/** `decodeResponse` without building vendor errors, so that their classes load only when needed. */
export function decodeEnvelope(
  vendor: VendorDefinition,
  response: ReceivedResponse,
  options: {
    raw?: boolean | undefined;
    language?: string | undefined;
    maxJsonDepth?: number | undefined;
  } = {},
): DecodedEnvelope {
  const { status, headers, text } = response;
  const headerId = requestIdFromHeaders(headers);
  const ok = status >= 200 && status < 300;
  let body: unknown;
  if (text.trim() !== "") {
    try {
      // The error's words are built only for a refused answer (this runs on every response).
      body = jsonTooDeep(text, options.maxJsonDepth)
        ? parseJsonBounded(text, options.maxJsonDepth, `${vendor.displayName}: the response's JSON`, {
            vendor: vendor.id,
            status,
            requestId: headerId,
          })
        : JSON.parse(text);
    } catch (caught) {
      if (caught instanceof LimitExceededError) return { ok: false, error: caught };
      if (ok && options.raw) return withRequestId(text, headerId);
      if (!ok)
        return {
          ok: false,
          vendorError: {
            status,
            requestId: headerId,
            retryAfterMs: parseRetryAfter(headers["retry-after"]),
            language: options.language,
          },
        };
      const error = new InvalidResponseError(
        `${vendor.displayName}: response is not valid JSON (HTTP ${status})`,
        {
          vendor: vendor.id,
          status,
          requestId: headerId,
          raw: text,
          userMessage: "The service sent an unreadable answer.",
        },
      );
      return { ok: false, error };
    }
  }
  const envelope = options.raw ? undefined : vendor.envelope;
  const isObject = body !== null && typeof body === "object" && !Array.isArray(body);
  const code = envelope && isObject ? scalar(getPath(body, envelope.codeField)) : undefined;
  const traceId =
    envelope?.traceIdField && isObject ? scalar(getPath(body, envelope.traceIdField)) : undefined;
  const requestId = traceId ?? headerId;
  const vendorMessage = envelope && isObject ? scalar(getPath(body, envelope.messageField)) : undefined;
  const success = code !== undefined && successCodes(envelope!).has(code);
  if (!ok || (envelope && code !== undefined && !success)) {
    const retryAfterMs = parseRetryAfter(headers["retry-after"]);
    const vendorError = {
      status,
      code: success ? undefined : code,
      vendorMessage,
      requestId,
      retryAfterMs,
      language: options.language,
    };
    return { ok: false, vendorError };
  }
  if (!envelope) return withRequestId(body, requestId);
  if (code === undefined) {
    const error = new InvalidResponseError(
      `${vendor.displayName}: response has no \`${envelope.codeField}\` field (HTTP ${status})`,
      {
        vendor: vendor.id,
        status,
        requestId,
        raw: text,
        userMessage: "The service sent an unexpected answer.",
      },
    );
    return { ok: false, error };
  }
  return withRequestId(getPath(body, envelope.dataField), requestId);
}
