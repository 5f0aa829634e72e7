import type { EmitContext } from "./emit-context.js";
import { clientErrorsDoc } from "./emit-operation-doc.js";
import { genHeader } from "./header.js";
import { literal, propKey } from "./names.js";

/**
 * `client.gen.ts`: `create<Vendor>()` with one method per operation, `call`, `resume`, the default
 * instance. The methods' types are mapped from the standalone functions (`operations.gen.ts`), so
 * each operation's signature and doc are written once, there; hover and completion on
 * `client.op` show that doc (a filtering `as` clause keeps the mapped type homomorphic).
 */
export function emitClient(ctx: EmitContext): string {
  const V = ctx.typeBase;
  // Each operation's other names (catalog name, source operation id, aliases), by id: ids take
  // precedence, then the first operation to claim a name keeps it.
  const taken = new Set(ctx.plans.map((p) => p.id));
  const others = ctx.plans.map((p) => {
    const own: string[] = [];
    for (const n of [p.source.operationId, p.name, ...p.aliases])
      if (!taken.has(n)) {
        own.push(n);
        taken.add(n);
      }
    return [p.id, own] as const;
  });
  const resultDefault = ctx.taskResultType ?? "unknown";
  const out: string[] = [
    genHeader(ctx.catalog),
    `import { createVendorClient } from "@gen/runtime";`,
    `import type { ${ctx.plans.length ? "BoundOperations, " : ""}CallOptions, DownloadedBytes, DownloadOptions, DownloadResult, OperationDefinition, OperationIdOf, OperationNameOf, Task, TaskHandle, VendorClient } from "@gen/runtime";`,
  ];
  if (ctx.plans.length) out.push(`import * as ops from "./operations.gen.js";`);
  if (ctx.plans.length && ctx.taskResultType) out.push(`import type * as T from "./types.gen.js";`);
  out.push(`import { type ${V}Options, ${ctx.instance}Vendor } from "./vendor.gen.js";`, "");
  out.push(`/** Every name \`call()\` accepts: operation ids, catalog names and aliases. */`);
  out.push(
    `export type ${V}OperationName = OperationNameOf<typeof operationNames>;`,
    `type IdOf<N> = OperationIdOf<typeof operationNames, N>;`,
    "",
  );
  const typed = ctx.plans.length > 0;
  if (typed)
    out.push(
      `/** Every operation's standalone function as a method (same doc and signature). */`,
      `type ${V}Methods = BoundOperations<typeof ops>;`,
      "",
    );
  out.push(...clientErrorsDoc(ctx));
  out.push(`export interface ${V}Client${typed ? ` extends ${V}Methods` : ""} {`);
  out.push(
    `  /** The underlying runtime client (raw requests, downloads). */`,
    `  readonly runtime: VendorClient;`,
  );
  out.push(
    `  /**`,
    `   * Calls an operation by id, catalog name or alias (like the vendor's \`Skill.invoke\`): typed`,
    `   * like the method when the name is known, \`unknown\` for any other string (checked at run time).`,
    `   */`,
    typed
      ? `  call<N extends ${V}OperationName | (string & {})>(name: N, input: N extends ${V}OperationName ? ${V}Operations[IdOf<N>]["input"] : unknown, options?: CallOptions): Promise<N extends ${V}OperationName ? ${V}Operations[IdOf<N>]["output"] : unknown>;`
      : `  call(name: string, input: unknown, options?: CallOptions): Promise<unknown>;`,
    `  /** Resumes a task from a stored handle or a bare task id. */`,
    `  resume<Result = ${ctx.taskResultType && ctx.plans.length ? `T.${resultDefault}` : resultDefault}>(handle: TaskHandle | string): Task<Result>;`,
    `  /**`,
    `   * Streams a result URL to a new file in \`dir\` (Node), through the host policy: only the`,
    `   * vendor's API and result hosts, credentials only where the vendor expects them, never`,
    `   * overwriting a file. Same as \`runtime.download\`.`,
    `   * @throws {HostNotAllowedError} for a URL off the vendor's hosts, before any request`,
    `   */`,
    `  download(url: string, dir: string, options?: DownloadOptions): Promise<DownloadResult>;`,
    `  /**`,
    `   * A result URL's bytes in memory, same checks as \`download\` (browsers, edge runtimes):`,
    `   * \`new Blob([bytes], { type: contentType })\` to show or upload it.`,
    `   */`,
    `  downloadBytes(url: string, options?: DownloadOptions): Promise<DownloadedBytes>;`,
    "}",
    "",
  );
  if (typed) {
    // Derived from the methods' signatures: each operation's types are written once, on its method.
    out.push(
      `/** Input and output of every operation, by id (what \`call(name)\` resolves to). */`,
      `export type ${V}Operations = {`,
      `  [K in keyof typeof operationNames]: ${V}Client[K] extends (input: infer I, options?: CallOptions) => Promise<infer O> ? { input: I; output: O } : never;`,
      "};",
      "",
    );
  }
  out.push(`const operationNames = {`);
  for (const [id, own] of others) out.push(`  ${propKey(id)}: ${literal(own)},`);
  out.push("} as const;", "");
  if (typed)
    out.push(
      `let idOf: Record<string, string> | undefined;`,
      `/** Every name to its operation id, built on first use (ids first, then each operation's other names). */`,
      `const operationIdOf = (): Readonly<Record<string, string>> => {`,
      `  if (idOf) return idOf;`,
      `  idOf = {};`,
      `  for (const id in operationNames) idOf[id] = id;`,
      `  for (const [id, names] of Object.entries(operationNames) as Array<[string, readonly string[]]>) for (const n of names) idOf[n] = id;`,
      `  return idOf;`,
      `};`,
      "",
    );
  out.push(
    `/** Finds an operation's definition by id, catalog name or alias (exact, then case-insensitive). */`,
    `export function find${V}Operation(name: string): OperationDefinition | undefined {`,
  );
  if (ctx.plans.length) {
    out.push(
      `  const table = ops as unknown as Record<string, OperationDefinition | undefined>;`,
      `  const ids = operationIdOf();`,
      `  const id = ids[name] ?? Object.entries(ids).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];`,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: emitted source text
      "  return id === undefined ? undefined : table[`${id}Operation`];",
    );
  } else out.push("  return undefined;");
  out.push("}", "");
  out.push(
    `/** Creates a ${ctx.vendor.displayName} client. Credentials come from options or env, read at first call. */`,
    `export function ${ctx.factory}(options: ${V}Options = {}): ${V}Client {`,
    `  let runtime: VendorClient | undefined;`,
    `  const rt = (): VendorClient => {`,
    `    runtime ??= createVendorClient(${ctx.instance}Vendor, options);`,
    `    return runtime;`,
    `  };`,
    `  const client: Pick<${V}Client, "runtime" | "call" | "resume" | "download" | "downloadBytes"> = {`,
    `    get runtime() {`,
    `      return rt();`,
    `    },`,
  );
  out.push(
    `    call: (async (name: string, input: unknown, callOptions?: CallOptions) => {`,
    `      const operation = find${V}Operation(name);`,
    `      if (!operation) throw new TypeError(${literal(`unknown ${ctx.vendor.displayName} operation: `)} + name);`,
    `      return rt().invoke(operation, input, callOptions);`,
    `    }) as ${V}Client["call"],`,
    `    resume: (handle) => rt().task(handle),`,
    `    download: (url, dir, downloadOptions) => rt().download(url, dir, downloadOptions),`,
    `    downloadBytes: (url, downloadOptions) => rt().downloadBytes(url, downloadOptions),`,
    `  };`,
    // One loop over the names table rather than a line per method: each method is its standalone
    // function (operations.gen.ts) bound to this client's runtime.
    ...(ctx.plans.length
      ? [
          `  const methods = client as unknown as Record<string, unknown>;`,
          `  const fns = ops as unknown as Record<string, (client: VendorClient, input: unknown, options?: CallOptions) => Promise<unknown>>;`,
          `  for (const id in operationNames) methods[id] = (input: unknown, callOptions?: CallOptions) => fns[id]!(rt(), input, callOptions);`,
        ]
      : []),
    `  return client as unknown as ${V}Client;`,
    "}",
    "",
    `/** Default client; reads credentials from the environment at first call. */`,
    `export const ${ctx.instance}: ${V}Client = /* @__PURE__ */ ${ctx.factory}();`,
    "",
  );
  return out.join("\n");
}
