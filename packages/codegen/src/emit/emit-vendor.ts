import { getAuth, getBaseUrl, getHosts } from "@gen/spec";
import type { EmitContext } from "./emit-context.js";
import { genHeader } from "./header.js";
import { camelCase, jsonBlock, propKey } from "./names.js";

/** Credential option names of the vendor's auth (`apiKey`; `appKey`, `appSecret`). */
export function credentialOptions(ctx: EmitContext): Array<{ option: string; env: string[] }> {
  const auth = getAuth(ctx.model);
  switch (auth.type) {
    case "apiKey":
    case "bearer":
      return [auth.credential];
    case "basic":
      return [auth.key, auth.secret];
    default:
      return [];
  }
}

const TASK_KEYS = [
  "pollOperation",
  "pollInput",
  "taskIdPath",
  "statusPath",
  "statusMap",
  "progressPath",
  "reasonPath",
  "resultPath",
  "resultEncoding",
  "resultUrlPaths",
  "minDelayMs",
  "maxDelayMs",
  "timeoutMs",
];

/** Copies only the runtime's keys (model-only data such as schemas or simulator hints stays out). */
function pick<T extends object>(value: T, keys: readonly string[]): Record<string, unknown> {
  const source = value as Record<string, unknown>;
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
}

/** `vendor.gen.ts`: the `VendorDefinition` data, the options type and the small core factory. */
export function emitVendor(ctx: EmitContext): string {
  const m = ctx.model;
  const protocol = m["x-gen-task-protocol"];
  const def: Record<string, unknown> = {
    id: ctx.vendor.id,
    displayName: ctx.vendor.displayName,
    baseUrl: getBaseUrl(m),
    hosts: getHosts(m),
    auth: getAuth(m),
  };
  const env = m["x-gen-envelope"];
  if (env)
    def.envelope = pick(env, ["codeField", "messageField", "dataField", "traceIdField", "successCodes"]);
  const errors = m["x-gen-errors"];
  if (errors) {
    def.errors = Object.fromEntries(
      Object.entries(errors).map(([code, e]) => [
        code,
        pick(e, ["kind", "message", "messages", "retryable", "retryCreate", "retryDelayMs"]),
      ]),
    );
  }
  const wrapper = m["x-gen-request"]?.bodyWrapper;
  const constantHeaders = m["x-gen-request"]?.headers;
  if (wrapper || constantHeaders)
    def.request = {
      ...(wrapper ? { bodyWrapper: wrapper } : {}),
      ...(constantHeaders ? { headers: constantHeaders } : {}),
    };
  let pollId: string | undefined;
  if (protocol) {
    pollId = ctx.plans.find((p) => p.source.operationId === protocol.pollOperation)?.id;
    const task = pick(protocol, TASK_KEYS);
    def.task = { ...task, ...(pollId ? { pollOperation: pollId } : {}) };
  }
  const V = ctx.typeBase;
  const creds = credentialOptions(ctx);
  const extensions: Array<[string, string]> = [];
  if (protocol) extensions.push(["tasks", "lazyTaskSupport"]);
  if (ctx.plans.some((p) => p.source.xGen.rules?.length)) extensions.push(["rules", "lazyRulesSupport"]);
  const extensionArg = extensions.length
    ? `, { ${extensions.map(([key, name]) => `${key}: ${name}`).join(", ")} }`
    : "";
  const out: string[] = [
    genHeader(ctx.catalog),
    `import { ${["createVendorCore", ...extensions.map(([, name]) => name)].join(", ")} } from "@gen/runtime";`,
    `import type { ClientOptions, OperationDefinition, VendorClient, VendorDefinition } from "@gen/runtime";`,
  ];
  if (pollId) out.push(`import { ${pollId}Operation } from "./operations.gen.js";`);
  out.push(
    "",
    `/** Everything the runtime needs to know about ${ctx.vendor.displayName} (pure data). */`,
    `export const ${ctx.instance}Vendor: VendorDefinition = {`,
  );
  for (const [k, v] of Object.entries(def)) out.push(`  ${propKey(k)}: ${jsonBlock(v, 2)},`);
  if (pollId) out.push(`  operations: { ${propKey(pollId)}: ${pollId}Operation as OperationDefinition },`);
  out.push("};", "");
  out.push(`/** Options of \`${ctx.factory}\`: the runtime's \`ClientOptions\` plus the credentials. */`);
  out.push(`export interface ${V}Options extends ClientOptions {`);
  for (const c of creds) {
    out.push(
      `  /** Credential; when absent, read from env ${c.env.map((e) => `\`${e}\``).join(", then ")} at first call. */`,
    );
    out.push(`  ${propKey(c.option)}?: string | undefined;`);
  }
  out.push("}", "");
  out.push(
    `/**`,
    ` * The small core client: a runtime \`VendorClient\` for ${ctx.vendor.displayName}. Pair it with the`,
    ` * standalone operation functions to bundle only the operations you use. No \`download()\`: use`,
    ` * \`${ctx.factory}()\` for downloads.`,
    ` */`,
    `export function ${camelCase(`${ctx.factory} Runtime`)}(options: ${V}Options = {}): VendorClient {`,
    `  return createVendorCore(${ctx.instance}Vendor, options${extensionArg});`,
    "}",
    "",
  );
  return out.join("\n");
}
