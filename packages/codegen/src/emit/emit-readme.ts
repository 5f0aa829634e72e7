import type { EmitContext } from "./emit-context.js";
import { credentialOptions } from "./emit-vendor.js";
import { markdownHeader } from "./header.js";
import { camelCase } from "./names.js";
import type { OperationPlan } from "./operation-plan.js";

/** The package README: usage, import styles, an index of the operations. */
export function emitReadme(ctx: EmitContext): string {
  const v = ctx.vendor;
  const creds = credentialOptions(ctx);
  const first = ctx.plans.find((p) => p.task) ?? ctx.plans[0];
  const runtimeFactory = camelCase(`${ctx.factory} Runtime`);
  const out: string[] = [markdownHeader(ctx.catalog), `# ${v.packageName}`, ""];
  out.push(
    `Typed SDK for the ${v.displayName} API, generated from \`${ctx.catalog}\`. ${ctx.plans.length} operation(s).`,
    "",
    ...(ctx.model.info.description ? ["## About", "", ctx.model.info.description.trim(), ""] : []),
    "## Usage",
    "",
    "```ts",
    `import { ${ctx.factory} } from "${v.packageName}";`,
    "",
    `const client = ${ctx.factory}({ ${creds.map((c) => `${c.option}: process.env.${c.env[0] ?? "KEY"}`).join(", ")} });`,
  );
  if (first) {
    out.push(
      first.task
        ? `const task = await client.${first.id}({ /* input */ });`
        : `const out = await client.${first.id}({ /* input */ });`,
    );
    if (first.task)
      out.push(
        `const result = await task.wait();`,
        `// later, elsewhere: await client.resume(task.handle).wait();`,
      );
  }
  out.push("```", "");
  if (creds.length) {
    out.push(
      "Credentials: " +
        creds.map((c) => `\`${c.option}\` (else env ${c.env.map((e) => `\`${e}\``).join(", ")})`).join("; ") +
        `. The default instance \`${ctx.instance}\` reads them from the environment at first call.`,
      "",
    );
  }
  out.push(
    "Every factory accepts the runtime's `ClientOptions`: `baseUrl`, `fetch`, `timeoutMs`, `allowInsecureLoopback`, `headers`, `retry`, `env`.",
    "",
    "`client.call(nameOrAlias, input)` accepts the operation id, the catalog name or any alias; `client.resume(handle | taskId)` resumes a task.",
    "",
    "## Tree-shaking: import one operation",
    "",
    "The client object references every operation. To bundle only what you use, pair the small core client with the standalone operation functions (each builds its zod/mini schema lazily):",
    "",
    "```ts",
    `import { ${runtimeFactory}${first ? `, ${first.id}` : ""} } from "${v.packageName}";`,
    "",
    `const core = ${runtimeFactory}({ /* options */ });`,
    first ? `const out = await ${first.id}(core, { /* input */ });` : "",
    "```",
    "",
    "## Operations",
    "",
    "A paid create is never retried once sent; a task returns a handle (`.wait()` for the result).",
    `Each operation's description and an example show on hover (\`client.<operation>\` or the standalone function); each field's type, rules, default and description show as you type it (its doc on \`<Op>Input\`), and \`gen list ${v.id} <operation>\` prints them. Aliases: \`gen list ${v.id}\`.`,
    "",
    "| Operation | Name | Request | Kind |",
    "|---|---|---|---|",
    ...ctx.plans.map(operationRow),
    "",
  );
  const notes = operationNotes(ctx.plans);
  if (notes.length) out.push("### Rules and notes", "", ...notes, "");
  return (
    out
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trimEnd() + "\n"
  );
}

/**
 * One table row per operation: id, name, method and path, kind. Not its fields: each field's type,
 * rules, default and description are its doc on `<Op>Input` (shown as it is typed) and in
 * `gen list <vendor> <operation>`; a list of them here made the index most of the README.
 */
function operationRow(p: OperationPlan): string {
  const kind = [p.kind === "create" ? "paid" : "read", ...(p.task ? ["task"] : [])].join(", ");
  return `| \`${p.id}\` | ${cell(p.name)} | \`${p.method} ${cell(p.path)}\` | ${kind} |`;
}

/**
 * Cross-field rules (no field's doc carries them) and catalog notes: each distinct one once, with
 * the operations it concerns. A rule or note the catalog repeats on many entries is one line that
 * names them, not a line per operation repeating it.
 */
function operationNotes(plans: readonly OperationPlan[]): string[] {
  const byText = new Map<string, string[]>();
  const add = (text: string, id: string) => byText.set(text, [...(byText.get(text) ?? []), id]);
  for (const p of plans)
    for (const r of p.source.xGen.rules ?? []) add(`rule \`${JSON.stringify(r)}\``, p.id);
  for (const p of plans) for (const n of p.source.xGen.notes ?? []) add(cell(n), p.id);
  return [...byText].map(([text, ids]) => {
    const who =
      ids.length === plans.length && ids.length > 1
        ? "every operation"
        : ids.map((id) => `\`${id}\``).join(", ");
    return `- ${who}: ${text}`;
  });
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();
}
