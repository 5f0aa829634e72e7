import type { JsonSchema } from "@gen/spec";
import type { EmitContext } from "./emit-context.js";
import { genHeader } from "./header.js";
import { objectMembers } from "./schema-to-zod.js";

const HELPERS = `type Issue = { readonly code?: string; readonly input?: unknown; readonly keys?: readonly string[] };
const e = (message: string) => ({ error: (issue: Issue) => (issue.input === undefined ? "is required" : message) });
const o = {
  error: (issue: Issue) =>
    issue.code === "unrecognized_keys"
      ? \`unknown field(s) \${(issue.keys ?? []).join(", ")}: send fields the catalog does not know with CallOptions.extraBody\`
      : issue.input === undefined
        ? "is required"
        : "must be an object",
};
`;

/** `schemas.gen.ts`: one lazily built zod/mini input schema per operation (tree-shakeable functions). */
export function emitSchemas(ctx: EmitContext): string {
  const out: string[] = [genHeader(ctx.catalog), `import * as z from "zod/mini";`, "", HELPERS];
  for (const plan of ctx.plans) {
    const schema: JsonSchema = {
      type: "object",
      properties: Object.fromEntries(plan.fields.map((f) => [f.name, f.schema])),
      required: plan.fields.filter((f) => f.required).map((f) => f.name),
    };
    if (plan.openBody) schema.additionalProperties = true;
    const cache = `${plan.id}InputCache`;
    const { ctor, members } = objectMembers(schema, ctx.model, 0);
    const expr = members.length
      ? `${ctor}(\n    {\n${members.map((m) => `      ${m},\n`).join("")}    },\n    o,\n  )`
      : `${ctor}({}, o)`;
    out.push(
      `let ${cache}: ReturnType<typeof build${plan.typeName}Input> | undefined;`,
      `function build${plan.typeName}Input() {`,
      `  return ${expr};`,
      "}",
      `/** zod/mini schema of \`${plan.typeName}Input\`, built on first use. */`,
      `export function ${plan.id}InputSchema(): ReturnType<typeof build${plan.typeName}Input> {`,
      `  ${cache} ??= build${plan.typeName}Input();`,
      `  return ${cache};`,
      "}",
      "",
    );
  }
  return out.join("\n");
}
