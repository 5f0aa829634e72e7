import { InvalidResponseError } from "./errors/invalid-response-error.js";
import { NetworkError } from "./errors/network-errors.js";
import { checkUrl, type HostPolicy } from "./host-policy.js";
import type { HttpMethod, Transport, TransportResponse } from "./types.js";

/** At most this many redirect hops are followed. */
export const MAX_REDIRECTS = 5;

/** One outbound exchange plus what redirect handling needs to know. */
export interface RedirectingRequest {
  url: string;
  method: HttpMethod;
  headers: Record<string, string>;
  body?: string | Uint8Array | undefined;
  signal: AbortSignal;
  /** Every hop (the first URL included) must pass this policy. */
  policy: HostPolicy;
  /** `url` already checked against `policy` (skips checking it again). */
  checked?: URL;
  /** May this URL receive the credential headers? */
  credentialed: (url: URL) => boolean;
  /** Lower-case names of the credential headers, dropped for good once a hop leaves the credentialed hosts. */
  credentialHeaders: readonly string[];
  /** Set once any hop has answered (the request reached a server): the exchange counts as sent. */
  answered?: boolean;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function withoutHeaders(headers: Record<string, string>, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    if (!names.includes(name.toLowerCase())) out[name] = value;
  return out;
}

/** Absolute form of a Location, keeping the raw authority so the host policy sees what was sent. */
function resolveLocation(location: string, base: URL): string {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(location)) return location;
  if (location.startsWith("//") || location.startsWith("\\")) return `${base.protocol}${location}`;
  if (/[\s\\\u0000-\u001f]/.test(location)) return `${base.protocol}//${location}`;
  return new URL(location, base).href;
}

/**
 * Send through `transport`, following redirects manually: at most 5 hops, each re-checked by the
 * host policy; 303 (and 301/302 after a POST) become a body-less GET; credential headers are
 * dropped as soon as a hop leaves the credentialed hosts and never restored. Once any hop has
 * answered, a failure of a later hop is a `NetworkError` with `sent: true` (see docs/security.md).
 */
export async function followRedirects(
  transport: Transport,
  request: RedirectingRequest,
): Promise<{ response: TransportResponse; url: string }> {
  let url = request.checked ?? checkUrl(request.url, request.policy);
  let { method, body } = request;
  let headers = request.credentialed(url)
    ? request.headers
    : withoutHeaders(request.headers, request.credentialHeaders);
  for (let hop = 0; ; hop++) {
    let response: TransportResponse;
    try {
      response = await transport({ url: url.href, method, headers, body, signal: request.signal });
    } catch (error) {
      // "Sent" is judged over the whole exchange: once a hop has answered, the vendor has the
      // request, so a later hop that is refused still leaves it sent (never resubmitted).
      // (The decision loads with the failure: a successful exchange does not bundle it.)
      const { judgeSent } = await import("./decide-retry.js");
      if (error instanceof NetworkError && !error.sent && judgeSent(error, hop > 0) !== "no") {
        throw new NetworkError(`${error.message} (after a redirect: the first hop was answered)`, {
          sent: true,
          vendor: error.vendor,
          cause: error,
        });
      }
      throw error;
    }
    request.answered = true;
    const location = response.headers["location"];
    if (!REDIRECTS.has(response.status) || !location) return { response, url: url.href };
    await response.dump();
    if (hop >= MAX_REDIRECTS) {
      throw new InvalidResponseError(
        `Too many redirects (more than ${MAX_REDIRECTS}) from ${url.origin}${url.pathname}`,
        {
          status: response.status,
        },
      );
    }
    url = checkUrl(resolveLocation(location, url), request.policy);
    if (!request.credentialed(url)) headers = withoutHeaders(headers, request.credentialHeaders);
    if (
      response.status === 303 ||
      ((response.status === 301 || response.status === 302) && method === "POST")
    ) {
      method = "GET";
      body = undefined;
      headers = withoutHeaders(headers, ["content-type", "content-length"]);
    }
  }
}
