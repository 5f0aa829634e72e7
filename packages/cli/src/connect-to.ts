import type { FetchLike } from "@gen/runtime";
import { usageError } from "./cli-error.js";
import { isLoopbackUrl } from "./open-vendor.js";

/**
 * Parses `host=http://127.0.0.1:port` pairs (`--connect-to`, or `GEN_<VENDOR>_CONNECT_TO` as a
 * comma-separated list). Targets must be loopback: this is for simulators, never a proxy.
 */
export function parseConnectTo(pairs: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    const host = pair.slice(0, eq).trim().toLowerCase();
    const target = pair.slice(eq + 1).trim();
    if (eq <= 0 || !isLoopbackUrl(target)) {
      throw usageError(`--connect-to expects HOST=http://127.0.0.1:PORT (a loopback URL), got "${pair}"`);
    }
    map.set(host, new URL(target).origin);
  }
  return map;
}

/**
 * A fetch that sends requests for the mapped host names to their loopback twins, keeping method,
 * headers, path and query. The runtime still checks every real URL against the vendor's host list.
 */
export function connectToFetch(map: ReadonlyMap<string, string>): FetchLike {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const origin = map.get(url.hostname.toLowerCase());
    if (!origin) return fetch(input, init);
    return fetch(`${origin}${url.pathname}${url.search}`, { ...init, redirect: "manual" });
  };
}
