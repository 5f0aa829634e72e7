import { type JsonSchema, resolveSchema } from "@gen/spec";
import type { EmitContext } from "./emit-context.js";
import { credentialOptions } from "./emit-vendor.js";
import { markdownHeader } from "./header.js";
import { camelCase } from "./names.js";
import type { OperationPlan } from "./operation-plan.js";

/** The package README: usage, import styles, every operation with its parameters. */
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
  );
  for (const p of ctx.plans) out.push(...operationSection(ctx, p));
  return (
    out
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trimEnd() + "\n"
  );
}

function operationSection(ctx: EmitContext, p: OperationPlan): string[] {
  const lines = [`### \`${p.id}\` — ${p.name}`, ""];
  const meta = [
    `\`${p.method} ${p.path}\``,
    p.kind === "create" ? "paid create (never retried once sent)" : "read",
  ];
  if (p.task) meta.push("task (returns a handle; `.wait()` for the result)");
  lines.push(meta.join(" · "), "");
  if (p.aliases.length) lines.push(`Aliases: ${p.aliases.map((a) => `\`${a}\``).join(", ")}`, "");
  if (p.description) lines.push(cell(p.description), "");
  if (p.fields.length === 0) {
    lines.push("No parameters.", "");
  } else {
    lines.push(
      "| Parameter | In | Type | Required | Enum | Range | Default | Description |",
      "|---|---|---|---|---|---|---|---|",
    );
    for (const f of p.fields) {
      const s = resolve(ctx, f.schema);
      lines.push(
        `| \`${f.name}\` | ${f.in === "header" ? `header \`${f.wireName}\`` : f.in} | ${typeLabel(ctx, s)} | ${f.required ? "yes" : "no"} | ${enumLabel(s)} | ${rangeLabel(ctx, s)} | ${s.default === undefined ? "" : `\`${JSON.stringify(s.default)}\``} | ${cell(s.description ?? "")} |`,
      );
    }
    lines.push("");
  }
  for (const r of p.source.xGen.rules ?? []) lines.push(`- Rule: \`${JSON.stringify(r)}\``);
  for (const n of p.source.xGen.notes ?? []) lines.push(`- Note: ${cell(n)}`);
  lines.push("");
  return lines;
}

function resolve(ctx: EmitContext, s: JsonSchema): JsonSchema {
  return resolveSchema(ctx.model, s).schema;
}

function typeLabel(ctx: EmitContext, s: JsonSchema): string {
  const t = Array.isArray(s.type) ? s.type.join(" \\| ") : (s.type ?? (s.enum ? "enum" : "any"));
  if (t === "array" && s.items) return `array<${typeLabel(ctx, resolve(ctx, s.items))}>`;
  return t;
}

function enumLabel(s: JsonSchema): string {
  if (!s.enum) return "";
  const names = s["x-gen-enum-names"];
  const shown = s.enum.slice(0, 12).map((v, i) => `\`${String(v)}\`${names?.[i] ? ` ${names[i]}` : ""}`);
  return shown.join(", ") + (s.enum.length > 12 ? `, … (${s.enum.length})` : "");
}

function rangeLabel(ctx: EmitContext, s: JsonSchema): string {
  const parts: string[] = [];
  const bound = (lo?: number, hi?: number, unit = "") => {
    if (lo !== undefined && hi !== undefined) parts.push(`${lo}–${hi}${unit}`);
    else if (lo !== undefined) parts.push(`≥ ${lo}${unit}`);
    else if (hi !== undefined) parts.push(`≤ ${hi}${unit}`);
  };
  bound(s.minimum ?? s.exclusiveMinimum, s.maximum ?? s.exclusiveMaximum);
  bound(s.minLength, s.maxLength, " chars");
  bound(s.minItems, s.maxItems, " items");
  if (s.items) {
    const inner = rangeLabel(ctx, resolve(ctx, s.items));
    if (inner) parts.push(`each ${inner}`);
  }
  for (const [k, v] of Object.entries(s)) {
    if (k.startsWith("x-gen-") && k !== "x-gen-enum-names" && v && typeof v === "object") {
      parts.push(`${k.slice(6)}: ${JSON.stringify(v).replace(/"/g, "")}`);
    }
  }
  return cell(parts.join("; "));
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();
}
