import type { XGenAuth } from "@gen/spec";

const kebab = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

/** Credential option names an auth scheme needs. */
export function credentialOptions(auth: XGenAuth): string[] {
  switch (auth.type) {
    case "apiKey":
    case "bearer":
      return [auth.credential.option];
    case "basic":
      return [auth.key.option, auth.secret.option];
    default:
      return [];
  }
}

/** Default credentials: `apiKey` -> `sim-key`, any other option -> `sim-<kebab-name>`. */
export function defaultCredentials(auth: XGenAuth): Record<string, string> {
  return Object.fromEntries(
    credentialOptions(auth).map((o) => [o, o === "apiKey" ? "sim-key" : `sim-${kebab(o)}`]),
  );
}

/** Header names (lower-case) that carry credentials under an auth scheme. */
export function credentialHeaders(auth: XGenAuth): string[] {
  switch (auth.type) {
    case "apiKey":
      return [auth.header.toLowerCase()];
    case "basic":
      return ["authorization", ...(auth.keyHeader ? [auth.keyHeader.toLowerCase()] : [])];
    case "bearer":
      return ["authorization"];
    default:
      return [];
  }
}
