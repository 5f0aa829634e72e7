import { resolveCredential } from "./resolve-credential.js";
import type { AuthDefinition } from "./types.js";

/** Headers an auth strategy adds, plus what must never leak (for stripping and redaction). */
export interface ResolvedAuth {
  headers: Record<string, string>;
  /** Lower-case names of the headers to drop when a request leaves the credentialed hosts. */
  headerNames: string[];
  /** Raw secret values, redacted from anything the runtime surfaces. */
  secrets: string[];
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/**
 * Resolve an auth strategy into request headers: api key in a named header (after its `prefix`,
 * e.g. `Key `); `Basic
 * base64(key:secret)` plus an optional header carrying the key; bearer token plus fixed headers;
 * or nothing. Throws `MissingCredentialError` before any request when a credential is missing.
 */
export function authHeaders(
  auth: AuthDefinition,
  options: Readonly<Record<string, unknown>>,
  env: Readonly<Record<string, string | undefined>>,
  vendor?: string,
): ResolvedAuth {
  const out: ResolvedAuth = { headers: {}, headerNames: [], secrets: [] };
  const set = (name: string, value: string) => {
    out.headers[name] = value;
    out.headerNames.push(name.toLowerCase());
  };
  if (auth.type === "apiKey") {
    const key = resolveCredential(auth.credential, options, env, vendor);
    set(auth.header, auth.prefix ? `${auth.prefix}${key}` : key);
    out.secrets.push(key);
  } else if (auth.type === "basic") {
    const key = resolveCredential(auth.key, options, env, vendor);
    const secret = resolveCredential(auth.secret, options, env, vendor);
    const token = base64(`${key}:${secret}`);
    set("Authorization", `Basic ${token}`);
    if (auth.keyHeader) set(auth.keyHeader, key);
    out.secrets.push(key, secret, token);
  } else if (auth.type === "bearer") {
    const token = resolveCredential(auth.credential, options, env, vendor);
    set("Authorization", `Bearer ${token}`);
    for (const [name, value] of Object.entries(auth.headers ?? {})) set(name, value);
    out.secrets.push(token);
  }
  return out;
}

/** Header names whose values are credentials whoever set them (dropped off credentialed hosts, redacted). */
export const SENSITIVE_HEADERS: readonly string[] = ["authorization", "cookie", "proxy-authorization"];

/**
 * Replace every secret in `text` with `[redacted]`: as given, URL-encoded (a key in a query
 * string) and JSON-escaped (a key inside a quoted body). The one redaction every exposed string
 * passes through (errors, hook arguments, CLI output).
 */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const s of secrets) {
    if (s.length < 4) continue;
    for (const form of new Set([s, encodeURIComponent(s), JSON.stringify(s).slice(1, -1)])) {
      // Case-insensitive: a key echoed into a host name comes back lower-cased.
      if (result.toLowerCase().includes(form.toLowerCase()))
        result = result.replace(new RegExp(form.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi"), "[redacted]");
    }
  }
  return result;
}
