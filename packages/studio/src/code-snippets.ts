import { type AuthDefinition, buildOperationRequest } from "@gen/runtime";
import type { StudioOperation, StudioVendor } from "./types.js";

/** "Copy as code" for exactly what was run; credentials are environment references, never values. */
export interface CodeSnippets {
  typescript: string;
  gen: string;
  curl: string;
}

/** The three snippets for an operation and the input the studio sent. */
export function codeSnippets(vendor: StudioVendor, op: StudioOperation, input: unknown): CodeSnippets {
  return {
    typescript: typescriptSnippet(vendor, op, input),
    gen: genSnippet(vendor, op, input),
    curl: curlSnippet(vendor, op, input),
  };
}

function typescriptSnippet(vendor: StudioVendor, op: StudioOperation, input: unknown): string {
  const options = vendor.baseUrl
    ? `{ baseUrl: ${JSON.stringify(vendor.baseUrl)}, allowInsecureLoopback: ${isLoopback(vendor.baseUrl)} }`
    : "";
  const creds = vendor.credentials.length ? ` // credentials from ${vendor.credentials.join(", ")}` : "";
  const args = JSON.stringify(input ?? {}, null, 2);
  const lines = [
    `import { ${vendor.factory} } from "${vendor.packageName}";`,
    "",
    `const ${vendor.id} = ${vendor.factory}(${options});${creds}`,
  ];
  if (op.task) {
    lines.push(
      `const task = await ${vendor.id}.${op.id}(${args});`,
      "// task.handle is plain JSON: store it to resume later with resume(handle)",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the snippet's own template literal
      "const result = await task.wait({ onProgress: (p) => console.log(`${p.progress}% ${p.status}`) });",
    );
  } else {
    lines.push(`const result = await ${vendor.id}.${op.id}(${args});`);
  }
  lines.push("console.log(result);");
  return `${lines.join("\n")}\n`;
}

function genSnippet(vendor: StudioVendor, op: StudioOperation, input: unknown): string {
  const parts = ["gen", "call", vendor.id, op.id];
  const fields = input !== null && typeof input === "object" ? Object.entries(input) : [];
  for (const [key, value] of fields) {
    if (value === undefined) continue;
    const values = Array.isArray(value) && value.every(isScalar) ? value : [value];
    for (const v of values)
      parts.push("--set", shellQuote(`${key}=${isScalar(v) ? String(v) : JSON.stringify(v)}`));
  }
  if (op.task) parts.push("--wait");
  if (vendor.baseUrl) parts.push("--base-url", shellQuote(vendor.baseUrl));
  return `${parts.join(" ")}\n`;
}

function curlSnippet(vendor: StudioVendor, op: StudioOperation, input: unknown): string {
  if (!op.definition) {
    return `# ${op.name} is an SDK flow of several requests (${vendor.packageName}): use the TypeScript call or gen call.\n`;
  }
  const definition = vendor.client.runtime.vendor;
  const request = buildOperationRequest(definition, op.definition, input ?? {});
  const url = new URL(request.path.replace(/^\//, ""), withSlash(vendor.baseUrl ?? definition.baseUrl));
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  const lines = [`curl -X ${request.method} ${shellQuote(url.toString())}`];
  for (const header of authLines(definition.auth)) lines.push(`  -H ${header}`);
  for (const [name, value] of Object.entries(request.headers ?? {}))
    lines.push(`  -H ${shellQuote(`${name}: ${value}`)}`);
  if (request.body !== undefined) {
    lines.push(
      `  -H 'Content-Type: application/json'`,
      `  --data ${shellQuote(JSON.stringify(request.body))}`,
    );
  }
  return `${lines.join(" \\\n")}\n`;
}

/** Auth headers as shell references to the credential variables (double-quoted so they expand). */
function authLines(auth: AuthDefinition): string[] {
  if (auth.type === "apiKey") return [`"${auth.header}: $${auth.credential.env[0]}"`];
  if (auth.type === "bearer") {
    const fixed = Object.entries(auth.headers ?? {}).map(([k, v]) => shellQuote(`${k}: ${v}`));
    return [`"Authorization: Bearer $${auth.credential.env[0]}"`, ...fixed];
  }
  if (auth.type === "basic") {
    const basic = `"Authorization: Basic $(printf '%s:%s' "$${auth.key.env[0]}" "$${auth.secret.env[0]}" | base64 -w0)"`;
    return auth.keyHeader ? [basic, `"${auth.keyHeader}: $${auth.key.env[0]}"`] : [basic];
  }
  return [];
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

function withSlash(base: string): string {
  return base.endsWith("/") ? base : `${base}/`;
}

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "[::1]" || host.startsWith("127.");
}
