import { HostNotAllowedError } from "./errors/host-not-allowed-error.js";

/** Which hosts an outbound URL may target. */
export interface HostPolicy {
  /**
   * Exact host names (`api.acme.com`), dot-boundary suffixes (`.acme-cdn.com` matches
   * `a.acme-cdn.com`, never `evilacme-cdn.com`), `host:port` for a non-default port, and IP
   * literals (`203.0.113.5`, `[2001:db8::1]`) only when listed verbatim.
   */
  hosts: readonly string[];
  /** Allow http (and https) to 127.0.0.1, [::1] and localhost on any port. Off by default. */
  allowInsecureLoopback?: boolean;
}

const LOOPBACK = new Set(["127.0.0.1", "[::1]", "localhost"]);
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const RAW_AUTHORITY = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)/;
const FORBIDDEN_CHARS = /[\s\\%@\u0000-\u001f\u007f]/;

/** True for the loopback host names the insecure-loopback opt-in covers. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.has(hostname.toLowerCase());
}

/** True when `hostname` is an IPv4 or IPv6 literal (as normalised by WHATWG URL). */
export function isIpLiteral(hostname: string): boolean {
  return hostname.startsWith("[") || IPV4.test(hostname);
}

/** Normalise a policy entry or host name: lower-case, punycode, one trailing dot removed. */
export function normalizeHost(host: string): string {
  const suffix = host.startsWith(".");
  const bare = suffix ? host.slice(1) : host;
  let name: string;
  try {
    name = new URL(`https://${bare}`).host;
  } catch {
    name = bare.toLowerCase();
  }
  if (name.endsWith(".")) name = name.slice(0, -1);
  return suffix ? `.${name}` : name;
}

const normalized = new Map<string, string>();
function normalizeEntry(entry: string): string {
  let value = normalized.get(entry);
  if (value === undefined) {
    value = normalizeHost(entry);
    if (normalized.size < 1000) normalized.set(entry, value);
  }
  return value;
}

/** True when `host` (normalised, with `:port` when not default) matches one of `entries`. */
export function hostMatches(host: string, entries: readonly string[]): boolean {
  const hostname = host.replace(/:\d+$/, "");
  const ip = isIpLiteral(hostname);
  for (const raw of entries) {
    const entry = normalizeEntry(raw);
    if (entry === host) return true;
    if (!ip && entry.startsWith(".") && host === hostname && hostname.endsWith(entry)) return true;
  }
  return false;
}

function refuse(host: string, policy: HostPolicy, reason: string): never {
  const allowed = policy.allowInsecureLoopback ? [...policy.hosts, "loopback (opt-in)"] : [...policy.hosts];
  throw new HostNotAllowedError(host, allowed, reason);
}

/**
 * Check one outbound URL against `policy` and return it parsed; throws `HostNotAllowedError`
 * naming the host and the allowed list. https only (http only to loopback with the opt-in); no
 * userinfo, backslashes, whitespace, percent-escapes or confusable characters in the authority;
 * IP literals (in any notation) only when listed as dotted/bracketed literals.
 */
export function checkUrl(url: string | URL, policy: HostPolicy): URL {
  const text = typeof url === "string" ? url : url.href;
  const match = RAW_AUTHORITY.exec(text);
  if (!match) return refuse("", policy, "not an absolute URL with a host");
  const scheme = match[1]!.toLowerCase();
  const rawAuthority = match[2]!;
  if (rawAuthority === "") return refuse("", policy, "empty host");
  if (/[\s\u0000-\u001f\u007f\\]/.test(text))
    return refuse(rawAuthority, policy, "whitespace, control or backslash");
  if (FORBIDDEN_CHARS.test(rawAuthority)) {
    const shown = rawAuthority.includes("@")
      ? rawAuthority.slice(rawAuthority.lastIndexOf("@") + 1)
      : rawAuthority;
    return refuse(
      shown,
      policy,
      rawAuthority.includes("@") ? "userinfo not allowed" : "bad characters in host",
    );
  }
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return refuse(rawAuthority, policy, "not a valid URL");
  }
  let hostname = parsed.hostname;
  if (hostname.endsWith(".")) hostname = hostname.slice(0, -1);
  if (hostname === "" || hostname.startsWith(".") || hostname.includes(".."))
    return refuse(hostname, policy, "empty host label");
  const rawHost = rawAuthority.replace(/:\d*$/, "").toLowerCase().replace(/\.$/, "");
  if (IPV4.test(hostname) && rawHost !== hostname)
    return refuse(hostname, policy, "non-canonical IP literal");
  if (/[^\x00-\x7f]/.test(rawHost) && !hostname.split(".").some((l) => l.startsWith("xn--"))) {
    return refuse(hostname, policy, "confusable characters in host");
  }
  const loopback = policy.allowInsecureLoopback === true && isLoopbackHost(hostname);
  if (!(scheme === "https" || (scheme === "http" && loopback))) {
    const optIn =
      scheme === "http" && isLoopbackHost(hostname)
        ? "; plain http to a loopback simulator needs the client option `allowInsecureLoopback: true`"
        : "";
    return refuse(hostname, policy, `scheme ${scheme}: not allowed${optIn}`);
  }
  if (parsed.hostname.endsWith(".")) parsed.hostname = hostname;
  if (loopback) return parsed;
  const host = parsed.port ? `${hostname}:${parsed.port}` : hostname;
  if (!hostMatches(host, policy.hosts)) {
    const reason = isIpLiteral(hostname)
      ? "IP literal not listed"
      : parsed.port
        ? "host:port not listed"
        : "not listed";
    return refuse(host, policy, reason);
  }
  return parsed;
}
