import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** Why a request was refused (HTTP status + a short reason for the response body). */
export interface Refusal {
  status: 401 | 403 | 421;
  reason: string;
}

/** Checks every request: loopback Host (no DNS rebinding), same Origin, and the start token. */
export interface RequestGuard {
  /** Name of the session cookie (per port: cookies are shared between ports of a host). */
  cookieName: string;
  /** The refusal for a request, or undefined when it may proceed. */
  check(req: IncomingMessage, url: URL): Refusal | undefined;
  /** True when the URL carries the start token (`?token=`): the page exchanges it for the cookie. */
  hasUrlToken(url: URL): boolean;
  /** `Set-Cookie` value for the session (HttpOnly, SameSite=Strict, no expiry). */
  sessionCookie(): string;
}

/** A guard for a server listening on 127.0.0.1:`port` with `token`. */
export function createRequestGuard(port: number, token: string): RequestGuard {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  const origins = new Set([...hosts].map((h) => `http://${h}`));
  const cookieName = `gen_studio_${port}`;
  const expected = Buffer.from(token);
  const sameToken = (candidate: string | undefined) => {
    if (!candidate) return false;
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  const hasUrlToken = (url: URL) => sameToken(url.searchParams.get("token") ?? undefined);
  return {
    cookieName,
    hasUrlToken,
    sessionCookie: () => `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
    check(req, url) {
      const host = req.headers.host?.toLowerCase();
      if (!host || !hosts.has(host)) return { status: 421, reason: "unexpected Host header" };
      const origin = req.headers.origin;
      if (origin !== undefined && !origins.has(origin.toLowerCase())) {
        return { status: 403, reason: "cross-origin request refused" };
      }
      const site = req.headers["sec-fetch-site"];
      if (site !== undefined && site !== "same-origin" && site !== "none") {
        return { status: 403, reason: "cross-site request refused" };
      }
      if (req.method !== "GET" && req.method !== "HEAD" && origin === undefined && site !== "same-origin") {
        // A state-changing request must say where it comes from (browsers always do for fetch POSTs).
        if (!sameToken(bearer(req))) return { status: 403, reason: "missing Origin header" };
      }
      if (sameToken(cookieValue(req, cookieName)) || sameToken(bearer(req))) return undefined;
      if (req.method === "GET" && hasUrlToken(url)) return undefined;
      return { status: 401, reason: "missing or wrong studio token: open the URL `gen studio` printed" };
    },
  };
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith("Bearer ") ? header.slice(7) : undefined;
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return undefined;
}
