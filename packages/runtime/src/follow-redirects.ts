import { InvalidResponseError } from "./errors/invalid-response-error.js";
import { checkUrl } from "./host-policy.js";
import { isRedirect, type RedirectingRequest, sendHop, withoutHeaders } from "./send-exchange.js";
import type { Transport, TransportResponse } from "./types.js";

/** At most this many redirect hops are followed. */
export const MAX_REDIRECTS = 5;

/** Absolute form of a Location, keeping the raw authority so the host policy sees what was sent. */
function resolveLocation(location: string, base: URL): string {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(location)) return location;
  if (location.startsWith("//") || location.startsWith("\\")) return `${base.protocol}${location}`;
  if (/[\s\\\u0000-\u001f]/.test(location)) return `${base.protocol}//${location}`;
  return new URL(location, base).href;
}

/**
 * Follows the redirect `first` answered with (loaded by `sendExchange` on the first 3xx): at most
 * 5 hops, each re-checked by the host policy; 303 (and 301/302 after a POST) become a body-less
 * GET; credential headers are dropped as soon as a hop leaves the credentialed hosts and never
 * restored. Once any hop has answered, a failure of a later hop is a `NetworkError` with
 * `sent: true` (see docs/security.md).
 */
export async function followRedirects(
  transport: Transport,
  request: RedirectingRequest,
  first: { response: TransportResponse; url: URL; headers: Record<string, string> },
): Promise<{ response: TransportResponse; url: string }> {
  let { response, url, headers } = first;
  let { method, body } = request;
  for (let hop = 1; ; hop++) {
    await response.dump();
    if (hop > MAX_REDIRECTS) {
      throw new InvalidResponseError(
        `Too many redirects (more than ${MAX_REDIRECTS}) from ${url.origin}${url.pathname}`,
        { status: response.status },
      );
    }
    url = checkUrl(resolveLocation(response.headers["location"]!, url), request.policy);
    if (!request.credentialed(url)) headers = withoutHeaders(headers, request.credentialHeaders);
    if (
      response.status === 303 ||
      ((response.status === 301 || response.status === 302) && method === "POST")
    ) {
      method = "GET";
      body = undefined;
      headers = withoutHeaders(headers, ["content-type", "content-length"]);
    }
    response = await sendHop(transport, request, { url, method, headers, body }, true);
    if (!isRedirect(response)) return { response, url: url.href };
  }
}
