import { type GenModel, HTTP_METHODS, type XGenAuth, type XGenCredential } from "@gen/spec";

type Warn = (code: string, message: string, entry: string, field?: string) => void;
type Fail = (code: string, message: string, entry: string, field?: string) => void;
interface SecurityScheme {
  type?: string;
  in?: string;
  name?: string;
  scheme?: string;
  description?: string;
}

/**
 * Root defaults for a plain OpenAPI file: `x-gen-vendor` from the vendor id and `info.title`,
 * absolute `servers` (3.0 server variables substituted), `x-gen-auth` from `securitySchemes`
 * (apiKey header, http bearer/basic; oauth2 as bearer), else `none`.
 */
export function applyVendorDefaults(
  model: GenModel,
  vendorId: string,
  options: Readonly<Record<string, unknown>>,
  warn: Warn,
  fail: Fail,
): void {
  if (!model["x-gen-vendor"]) {
    const packageName = typeof options.packageName === "string" ? options.packageName : `@gen/${vendorId}`;
    const displayName = typeof model.info?.title === "string" ? model.info.title : vendorId;
    model["x-gen-vendor"] = { id: vendorId, packageName, displayName };
    warn(
      "default-x-gen-vendor",
      `no x-gen-vendor: package ${packageName} ("${displayName}")`,
      "(root)",
      "x-gen-vendor",
    );
  }
  if (typeof options.baseUrl === "string") model.servers = [{ url: options.baseUrl }];
  model.servers = (model.servers ?? []).map((server) => ({ ...server, url: substituteVariables(server) }));
  const first = model.servers[0]?.url;
  if (first !== undefined && !/^https?:\/\/[^/]/.test(first))
    fail(
      "relative-server",
      `servers[0].url must be an absolute http(s) URL, got "${first}": replace it with an overlay beside the catalog (overlay.yaml: \`actions: [{ target: "$.servers", remove: true }, { target: "$", update: { servers: [{ url: "https://api.vendor.example" }] } }]\`) or set options.baseUrl in gen.config`,
      "(root)",
      "servers[0].url",
    );
  if (!model["x-gen-auth"]) model["x-gen-auth"] = authFromSecurity(model, vendorId, warn);
}

function substituteVariables(server: {
  url: string;
  variables?: Record<string, { default?: string }>;
}): string {
  return server.url.replace(
    /\{([^}]+)\}/g,
    (whole, name: string) => server.variables?.[name]?.default ?? whole,
  );
}

function authFromSecurity(model: GenModel, vendorId: string, warn: Warn): XGenAuth {
  const schemes = (model.components?.securitySchemes ?? {}) as Record<string, SecurityScheme>;
  const operations = Object.values(model.paths ?? {}).flatMap((item) => HTTP_METHODS.map((m) => item?.[m]));
  const required = [...(model.security ?? []), ...operations.flatMap((op) => op?.security ?? [])].flatMap(
    (req) => Object.keys(req),
  );
  const name = required.find((n) => schemes[n]) ?? Object.keys(schemes)[0];
  const scheme = name ? schemes[name] : undefined;
  const env = vendorId.toUpperCase().replace(/[^A-Z0-9]+/g, "_");
  const cred = (option: string, suffix: string): XGenCredential => ({ option, env: [`${env}_${suffix}`] });
  if (!name || !scheme) return authFromHeaderParams(model, cred("apiKey", "API_KEY"), warn);
  const where = `components.securitySchemes.${name}`;
  if (scheme.type === "apiKey" && scheme.in === "header" && scheme.name) {
    const auth: XGenAuth = { type: "apiKey", header: scheme.name, credential: cred("apiKey", "API_KEY") };
    const prefix = authPrefix(scheme.description ?? "");
    if (prefix && scheme.name.toLowerCase() === "authorization") {
      auth.prefix = `${prefix} `;
      warn(
        "auth-prefix",
        `the scheme's description shows "${prefix} <key>": the key is sent after "${prefix} " (overlay: target "$", update: { x-gen-auth: { type: apiKey, header: ${scheme.name}, prefix: "${prefix} ", credential: ... } } to change it)`,
        "(root)",
        where,
      );
    }
    return auth;
  }
  if (scheme.type === "http" && scheme.scheme?.toLowerCase() === "bearer")
    return { type: "bearer", credential: cred("apiKey", "API_KEY") };
  if (scheme.type === "http" && scheme.scheme?.toLowerCase() === "basic")
    return { type: "basic", key: cred("username", "USERNAME"), secret: cred("password", "PASSWORD") };
  if (scheme.type === "oauth2" || scheme.type === "openIdConnect") {
    warn("auth-as-bearer", `${scheme.type}: the client takes an access token (bearer)`, "(root)", where);
    return { type: "bearer", credential: cred("accessToken", "ACCESS_TOKEN") };
  }
  warn(
    "unsupported-auth",
    `security scheme ${scheme.type}${scheme.in ? ` in ${scheme.in}` : ""} is not supported: no auth (add x-gen-auth)`,
    "(root)",
    where,
  );
  return { type: "none" };
}

const CREDENTIAL_HEADERS = new Set([
  "authorization",
  "x-api-key",
  "api-key",
  "apikey",
  "x-key",
  "x-api-token",
]);

/**
 * A file without `securitySchemes` often declares the credential as a header parameter of each
 * operation. That header becomes the client's `apiKey` option (never a per-call input field); a
 * file with neither gets no auth. Both are warnings naming the overlay line that settles it.
 */
function authFromHeaderParams(model: GenModel, credential: XGenCredential, warn: Warn): XGenAuth {
  const found = new Map<string, string>();
  for (const item of Object.values(model.paths ?? {}))
    for (const op of HTTP_METHODS.map((m) => item?.[m])) {
      for (const p of [...(item?.parameters ?? []), ...(op?.parameters ?? [])] as Array<{
        in?: string;
        name?: string;
      }>)
        if (p?.in === "header" && p.name && CREDENTIAL_HEADERS.has(p.name.toLowerCase()))
          found.set(p.name.toLowerCase(), p.name);
    }
  const header = [...found.values()][0];
  const fix =
    'add to overlay.yaml: { target: "$", update: { x-gen-auth: { type: apiKey, header: Authorization, prefix: "Bearer ", credential: { option: apiKey, env: [VENDOR_API_KEY] } } } }';
  if (!header) {
    warn(
      "no-auth",
      `no securitySchemes: the client sends no credentials (if the vendor needs a key, ${fix})`,
      "(root)",
      "components.securitySchemes",
    );
    return { type: "none" };
  }
  warn(
    "auth-from-header-param",
    `no securitySchemes, but operations declare the "${header}" header: it is the client's apiKey option (env ${credential.env[0]}), not a per-call field; if it needs a prefix, ${fix}`,
    "(root)",
    "components.securitySchemes",
  );
  return { type: "apiKey", header, credential };
}

/**
 * The prefix a scheme's description shows before the key: `prefixed with "Key "`,
 * `Authorization: Key YOUR_KEY`, `Key <token>`, `Token {key}`. `Bearer` counts too.
 */
export function authPrefix(description: string): string | undefined {
  const patterns = [
    /prefixed with\s+["'`]?([A-Za-z]{2,15})\b/i,
    /Authorization:\s*([A-Z][A-Za-z]{1,15})\s+[<{$[A-Z_]/,
    /\b([A-Z][A-Za-z]{1,15}) [<{$[]/,
  ];
  for (const re of patterns) {
    const m = re.exec(description)?.[1];
    if (m) return m;
  }
  return undefined;
}
