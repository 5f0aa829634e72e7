import { NetworkError } from "./errors/network-errors.js";
import { checkUrl, type HostPolicy } from "./host-policy.js";
import type { HttpMethod, Transport, TransportResponse } from "./types.js";

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

/** The headers without the (lower-case) `names`. */
export function withoutHeaders(
  headers: Record<string, string>,
  names: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    if (!names.includes(name.toLowerCase())) out[name] = value;
  return out;
}

/** A redirect the exchange must follow: a 301/302/303/307/308 with a Location. */
export const isRedirect = (response: TransportResponse): boolean =>
  [301, 302, 303, 307, 308].includes(response.status) && Boolean(response.headers["location"]);

/**
 * One hop of an exchange. Once any hop has answered, a failure of a later hop is a
 * `NetworkError` with `sent: true`: the vendor has the request, so it is never resubmitted.
 */
export async function sendHop(
  transport: Transport,
  request: RedirectingRequest,
  hop: {
    url: URL;
    method: HttpMethod;
    headers: Record<string, string>;
    body?: string | Uint8Array | undefined;
  },
  answeredBefore: boolean,
): Promise<TransportResponse> {
  let response: TransportResponse;
  try {
    response = await transport({ ...hop, url: hop.url.href, signal: request.signal });
  } catch (error) {
    // (The decision loads with the failure: a successful exchange does not bundle it.)
    const { judgeSent } = await import("./decide-retry.js");
    if (error instanceof NetworkError && !error.sent && judgeSent(error, answeredBefore) !== "no") {
      throw new NetworkError(`${error.message} (after a redirect: the first hop was answered)`, {
        sent: true,
        vendor: error.vendor,
        cause: error,
      });
    }
    throw error;
  }
  request.answered = true;
  return response;
}

/**
 * Send through `transport`: the first URL passes the host policy, credential headers go only to
 * the credentialed hosts; a redirect loads `follow-redirects` (at most 5 hops, each re-checked; see
 * docs/security.md), so a call answered directly does not bundle it.
 */
export async function sendExchange(
  transport: Transport,
  request: RedirectingRequest,
): Promise<{ response: TransportResponse; url: string }> {
  const url = request.checked ?? checkUrl(request.url, request.policy);
  const headers = request.credentialed(url)
    ? request.headers
    : withoutHeaders(request.headers, request.credentialHeaders);
  const response = await sendHop(
    transport,
    request,
    { url, method: request.method, headers, body: request.body },
    false,
  );
  if (!isRedirect(response)) return { response, url: url.href };
  const { followRedirects } = await import("./follow-redirects.js");
  return followRedirects(transport, request, { response, url, headers });
}
