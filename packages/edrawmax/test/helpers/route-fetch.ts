import type { FetchLike } from "@gen/runtime";

/**
 * A test `fetch` (the documented injection point for proxies and tests) that sends requests for
 * known host names to their loopback twins (`rewrite`), keeping method, headers, path and query.
 * The runtime still sees and checks the real URL and every Location hop. Every URL asked for is
 * recorded in `seen`; an unknown host fails like a DNS error. `stripContentLength` re-streams the
 * body without its length (a chunked proxy), so size caps are enforced while streaming.
 */
export function routeFetch(
  rewrite: (url: string) => string,
  seen: string[] = [],
  options: { stripContentLength?: boolean } = {},
): FetchLike {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    seen.push(url);
    const target = rewrite(url);
    if (target === url)
      throw new TypeError("fetch failed", { cause: new Error(`getaddrinfo ENOTFOUND ${url}`) });
    const response = await fetch(target, { ...init, redirect: "manual" });
    if (!options.stripContentLength) return response;
    const headers = new Headers(response.headers);
    headers.delete("content-length");
    return new Response(response.body, { status: response.status, headers });
  };
}
