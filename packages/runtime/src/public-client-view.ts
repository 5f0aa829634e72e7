import { SENSITIVE_HEADERS } from "./auth-headers.js";
import type { ClientOptions, VendorDefinition } from "./types.js";

const HIDDEN = "[redacted]";

/**
 * The options a client shows (`client.options`, JSON, inspect): the caller's options with every
 * credential option, the credential environment and credential-bearing headers replaced by
 * `[redacted]`. The real values stay in the client's closure, out of reach of any printer.
 */
export function publicOptions(
  vendor: VendorDefinition,
  options: Readonly<ClientOptions>,
): Readonly<ClientOptions> {
  const { auth } = vendor;
  const hidden = new Set(["env"]);
  if (auth.type === "basic") hidden.add(auth.key.option).add(auth.secret.option);
  else if (auth.type !== "none") hidden.add(auth.credential.option);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(options)) {
    const value = (options as Record<string, unknown>)[key];
    if (hidden.has(key) || /key|secret|token|password/i.test(key))
      out[key] = value === undefined ? value : HIDDEN;
    else if (key === "headers" && value !== null && typeof value === "object") {
      const headers: Record<string, string> = {};
      for (const [name, v] of Object.entries(value as Record<string, string>))
        headers[name] = SENSITIVE_HEADERS.includes(name.toLowerCase()) ? HIDDEN : v;
      out[key] = headers;
    } else out[key] = value;
  }
  return Object.freeze(out) as Readonly<ClientOptions>;
}

/**
 * Give `client` a `toJSON` and a Node `util.inspect` view naming only its vendor and public
 * options (non-enumerable, so they change no shape a caller relies on).
 */
export function hideInternals<T extends object>(
  client: T,
  vendor: VendorDefinition,
  shown: Readonly<ClientOptions>,
): T {
  const view = () => ({ vendor: vendor.id, options: shown });
  Object.defineProperty(client, "toJSON", { value: view, enumerable: false });
  Object.defineProperty(client, Symbol.for("nodejs.util.inspect.custom"), {
    value: () => `VendorClient ${JSON.stringify(view())}`,
    enumerable: false,
  });
  return client;
}
