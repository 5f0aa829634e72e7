import { defaultTransport, transportForFetch } from "#default-transport";
import { type AbortControllerLike, abortControllerFactoryOf } from "./abort-controller-factory.js";
import { authHeaders, type ResolvedAuth, redact, SENSITIVE_HEADERS } from "./auth-headers.js";
import { checkUrl, type HostPolicy, hostMatches, isLoopbackHost } from "./host-policy.js";
import { type Limits, limitsOf } from "./limits.js";
import { ownList, ownOptions } from "./own-options.js";
import { defaultEnv } from "./resolve-credential.js";
import { DEFAULT_RETRY } from "./retry-policy.js";
import type { ClientOptions, RetryOptions, Transport, VendorDefinition } from "./types.js";

/** Version sent in the default user agent. */
export const RUNTIME_VERSION = "0.1.0";

/** Per-client state shared by requests, tasks and downloads. */
export interface ClientContext {
  vendor: VendorDefinition;
  options: Readonly<ClientOptions>;
  transport: Transport;
  /** A cheaper controller factory the transport accepts, if it registered one. */
  newController: (() => AbortControllerLike) | undefined;
  userAgent: string;
  /** Default headers of every API request (lower-case names): accept, user agent, client headers. */
  baseHeaders: Readonly<Record<string, string>>;
  /** The effective default base URL (`options.baseUrl`, `GEN_<VENDOR>_BASE_URL`, or the vendor's). */
  baseUrl: string;
  /** Plain http to loopback allowed: the option, or a loopback `GEN_<VENDOR>_BASE_URL`. */
  allowInsecureLoopback: boolean;
  /** `baseHeaders` plus the credential headers (lower-case names), built once on first use. */
  authedHeaders(): Readonly<Record<string, string>>;
  /** `checkUrl` against the API policy, remembered per URL (API URLs repeat). */
  checkApiUrl(url: string): URL;
  /** Retry settings: the defaults overlaid with the client's. */
  retry: Required<Omit<RetryOptions, "onRetry">> & Pick<RetryOptions, "onRetry">;
  /** Credential headers, resolved once on first use (throws `MissingCredentialError`). */
  auth(): ResolvedAuth;
  /** Replace every credential this client knows (resolved or caller-set auth headers) in `text`. */
  redact(text: string): string;
  /** Size and depth limits (the client's `limits` over the defaults). */
  limits: Required<Limits>;
  /** Host policy for API calls (every vendor host list) given the effective base URL. */
  policy(baseUrl: string, extra?: readonly string[]): HostPolicy;
  /** May `url` receive credentials, given the effective base URL? */
  credentialed(url: URL, baseUrl: string): boolean;
  /** Lower-case names of the headers never shown or sent off the credentialed hosts: `auth`'s plus the sensitive ones. */
  hiddenHeaderNames(auth: ResolvedAuth | undefined): readonly string[];
  /** `credentialed` bound to one base URL (the same function for the default base). */
  credentialedFor(baseUrl: string): (url: URL) => boolean;
}

function loopbackOrigin(baseUrl: string, allow: boolean): string | undefined {
  if (!allow) return undefined;
  try {
    const url = new URL(baseUrl);
    return isLoopbackHost(url.hostname) ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `GEN_<VENDOR>_BASE_URL` from the client's environment (the lines `gen mock` prints), or undefined.
 * A loopback URL there opts in to plain http (the environment is as trusted as the credentials);
 * any other URL still goes through the host policy.
 */
function envBaseUrl(vendor: VendorDefinition, options: Readonly<ClientOptions>): string | undefined {
  const env = options.env ?? defaultEnv();
  const value = env[`GEN_${vendor.id.toUpperCase().replace(/[^A-Z0-9]/g, "_")}_BASE_URL`]?.trim();
  return value ? value : undefined;
}

/** Build the shared client state; nothing is resolved or sent until first use. */
export function createClientContext(
  vendor: VendorDefinition,
  givenOptions: Readonly<ClientOptions>,
): ClientContext {
  // Own properties only: a polluted Object.prototype cannot supply a baseUrl, a host or a key.
  const options = ownOptions(givenOptions);
  let resolved: ResolvedAuth | undefined;
  let authed: Record<string, string> | undefined;
  let hiddenFor: ResolvedAuth | undefined;
  let hidden: readonly string[] = SENSITIVE_HEADERS;
  const checked = new Map<string, URL>();
  const credentialedDefault = new WeakMap<URL, boolean>();
  const hosts = vendor.hosts;
  const allHosts = [
    ...ownList(hosts, "api"),
    ...ownList(hosts, "credentialed"),
    ...ownList(hosts, "results"),
    ...ownList(hosts, "uploads"),
  ];
  const credentialedHosts = [...ownList(hosts, "api"), ...ownList(hosts, "credentialed")];
  const envBase = options.baseUrl === undefined ? envBaseUrl(vendor, options) : undefined;
  const allow = options.allowInsecureLoopback ?? loopbackOrigin(envBase ?? "", true) !== undefined;
  const defaultBase = options.baseUrl ?? envBase ?? vendor.baseUrl;
  const defaultOrigin = loopbackOrigin(defaultBase, allow);
  const userAgent = options.userAgent ?? `@gen/${vendor.id} (runtime ${RUNTIME_VERSION})`;
  const baseHeaders: Record<string, string> = { accept: "application/json", "user-agent": userAgent };
  for (const [name, value] of Object.entries(vendor.request?.headers ?? {}))
    baseHeaders[name.toLowerCase()] = value;
  const callerSecrets: string[] = [];
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    baseHeaders[name.toLowerCase()] = value;
    if (SENSITIVE_HEADERS.includes(name.toLowerCase()) && typeof value === "string")
      callerSecrets.push(value);
  }
  const transport =
    options.transport ?? (options.fetch ? transportForFetch(options.fetch) : defaultTransport);
  const apiPolicy: HostPolicy = { hosts: allHosts, allowInsecureLoopback: allow };
  const ctx: ClientContext = {
    vendor,
    options,
    baseHeaders,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    transport,
    newController: abortControllerFactoryOf(transport),
    userAgent,
    auth() {
      resolved ??= authHeaders(
        vendor.auth,
        options as Record<string, unknown>,
        options.env ?? defaultEnv(),
        vendor.id,
      );
      return resolved;
    },
    redact(text) {
      let secrets: readonly string[] = callerSecrets;
      try {
        secrets = [...ctx.auth().secrets, ...callerSecrets];
      } catch {}
      return redact(text, secrets);
    },
    limits: limitsOf(options.limits),
    policy(_baseUrl, extra) {
      return extra ? { hosts: [...allHosts, ...extra], allowInsecureLoopback: allow } : apiPolicy;
    },
    baseUrl: defaultBase,
    allowInsecureLoopback: allow,
    authedHeaders() {
      if (!authed) {
        const headers: Record<string, string> = { ...baseHeaders };
        const { headers: extra } = ctx.auth();
        for (const name of Object.keys(extra)) headers[name.toLowerCase()] = extra[name]!;
        authed = headers;
      }
      return authed;
    },
    checkApiUrl(url) {
      let parsed = checked.get(url);
      if (!parsed) {
        parsed = checkUrl(url, apiPolicy);
        if (checked.size >= 256) checked.clear();
        checked.set(url, parsed);
      }
      return parsed;
    },
    hiddenHeaderNames(given) {
      if (!given?.headerNames.length) return SENSITIVE_HEADERS;
      if (given !== hiddenFor) {
        hiddenFor = given;
        hidden = [...given.headerNames, ...SENSITIVE_HEADERS];
      }
      return hidden;
    },
    credentialedFor(baseUrl) {
      return baseUrl === defaultBase ? credentialedAtDefault : (url) => ctx.credentialed(url, baseUrl);
    },
    credentialed(url, baseUrl) {
      if (baseUrl === defaultBase) {
        let known = credentialedDefault.get(url);
        if (known === undefined) {
          known = credentialedAt(url, baseUrl);
          credentialedDefault.set(url, known);
        }
        return known;
      }
      return credentialedAt(url, baseUrl);
    },
  };
  const credentialedAtDefault = (url: URL) => ctx.credentialed(url, defaultBase);
  return ctx;

  function credentialedAt(url: URL, baseUrl: string): boolean {
    if (isLoopbackHost(url.hostname)) {
      return url.origin === (baseUrl === defaultBase ? defaultOrigin : loopbackOrigin(baseUrl, allow));
    }
    return hostMatches(url.port ? `${url.hostname}:${url.port}` : url.hostname, credentialedHosts);
  }
}
