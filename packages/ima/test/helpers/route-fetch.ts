import type { FetchLike } from "@gen/runtime";

/** Record of one request as the client sent it (real host names, before routing to loopback). */
export interface SeenRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: unknown;
}

/**
 * A test `fetch` that sends requests for the vendor's host names to their loopback twins and
 * records each one; an unknown host fails like a DNS error. The runtime still checks real URLs.
 */
export function routeFetch(rewrite: (url: string) => string, seen: SeenRequest[]): FetchLike {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const text = typeof init?.body === "string" ? init.body : undefined;
    let body: unknown = text;
    try {
      body = text === undefined ? undefined : JSON.parse(text);
    } catch {}
    seen.push({ url, method: init?.method ?? "GET", headers, body });
    const target = rewrite(url);
    if (target === url)
      throw new TypeError("fetch failed", { cause: new Error(`getaddrinfo ENOTFOUND ${new URL(url).host}`) });
    return fetch(target, { ...init, redirect: "manual" });
  };
}
