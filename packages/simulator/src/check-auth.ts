import type { IncomingHttpHeaders } from "node:http";
import type { XGenAuth } from "@gen/spec";

const header = (headers: IncomingHttpHeaders, name: string) => {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * Checks a request's credentials as the vendor would. Returns `undefined` when accepted, else
 * why it was refused (never echoing a credential).
 */
export function checkAuth(
  auth: XGenAuth,
  credentials: Readonly<Record<string, string>>,
  headers: IncomingHttpHeaders,
): string | undefined {
  switch (auth.type) {
    case "none":
      return undefined;
    case "apiKey": {
      const sent = header(headers, auth.header);
      if (!sent) return `missing ${auth.header} header`;
      // Sent as `<prefix><key>` (`Authorization: Key <key>`) when the model names a prefix.
      const expected = `${auth.prefix ?? ""}${credentials[auth.credential.option] ?? ""}`;
      return sent === expected ? undefined : `invalid ${auth.header}`;
    }
    case "basic": {
      const key = credentials[auth.key.option] ?? "";
      const expected = `Basic ${Buffer.from(`${key}:${credentials[auth.secret.option] ?? ""}`).toString("base64")}`;
      const sent = header(headers, "authorization");
      if (!sent) return "missing Authorization header";
      if (sent !== expected) return "invalid Authorization";
      if (auth.keyHeader && header(headers, auth.keyHeader) !== key)
        return `invalid ${auth.keyHeader} header`;
      return undefined;
    }
    case "bearer": {
      const sent = header(headers, "authorization");
      if (!sent) return "missing Authorization header";
      if (sent !== `Bearer ${credentials[auth.credential.option] ?? ""}`) return "invalid bearer token";
      for (const [name, value] of Object.entries(auth.headers ?? {})) {
        if (header(headers, name) !== value) return `missing or invalid ${name} header`;
      }
      return undefined;
    }
  }
}
