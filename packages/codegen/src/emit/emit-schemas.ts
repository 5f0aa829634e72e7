import type { JsonSchema } from "@gen/spec";
import type { EmitContext } from "./emit-context.js";
import { FirstEmitter } from "./first-emitter.js";
import { genHeader } from "./header.js";
import { hoistRepeats, ZOD_ENUMS } from "./hoist-repeats.js";
import { literal } from "./names.js";
import type { OperationPlan } from "./operation-plan.js";
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
const oneOf = <const V extends readonly string[]>(values: V) => z.enum(values, e(\`must be one of: \${values.join(", ")}\`));
`;

const LAZY = `const lazy = <S>(build: () => S): (() => S) => {
  let built: S | undefined;
  return () => (built ??= build());
};
`;

function objectExpr(
  ctx: EmitContext,
  fields: OperationPlan["fields"],
  open: boolean,
  indent = "    ",
): string {
  const schema: JsonSchema = {
    type: "object",
    properties: Object.fromEntries(fields.map((f) => [f.name, f.schema])),
    required: fields.filter((f) => f.required).map((f) => f.name),
  };
  if (open) schema.additionalProperties = true;
  const { ctor, members } = objectMembers(schema, ctx.model, 0);
  return members.length
    ? `${ctor}(\n${indent}{\n${members.map((m) => `${indent}  ${m},\n`).join("")}${indent}},\n${indent}o,\n${indent.slice(2)})`
    : `${ctor}({}, o)`;
}

/** A `oneOf`/`anyOf` body: a discriminated union when the variants pin a property, else a union. */
function variantsExpr(ctx: EmitContext, plan: OperationPlan): string {
  const shapes = (plan.variants ?? []).map((v) => objectExpr(ctx, v.fields, v.open, "      "));
  const list = `[\n      ${shapes.join(",\n      ")},\n    ]`;
  if (plan.discriminator) return `z.discriminatedUnion(${literal(plan.discriminator)}, ${list})`;
  const names = (plan.variants ?? []).map(
    (v) =>
      v.fields
        .filter((f) => f.in === "body" && f.required)
        .map((f) => f.name)
        .join("+") || "{}",
  );
  return `z.union(${list}, { error: () => ${literal(`must match one of the body shapes (required fields: ${names.join(" | ")})`)} })`;
}

/** `schemas.gen.ts`: one lazily built zod/mini input schema per operation (tree-shakeable functions). */
export function emitSchemas(ctx: EmitContext): string {
  const out: string[] = [];
  const first = new FirstEmitter();
  let built = false;
  for (const plan of ctx.plans) {
    const expr = plan.variants ? variantsExpr(ctx, plan) : objectExpr(ctx, plan.fields, plan.openBody);
    const earlier = first.earlier(expr, plan.id);
    if (earlier) {
      // The same rules as an earlier operation's input: that schema (one build, one cache), and
      // no doc of its own (the line says whose rules it has).
      out.push(`export const ${plan.id}InputSchema = ${earlier}InputSchema;`, "");
      continue;
    }
    built = true;
    out.push(
      `/** zod/mini schema of \`${plan.typeName}Input\`, built on first use. */`,
      `export const ${plan.id}InputSchema = /* @__PURE__ */ lazy(() => ${expr});`,
      "",
    );
  }
  const { declarations, body } = hoistRepeats(out.join("\n"), ZOD_ENUMS);
  const head = [genHeader(ctx.catalog), `import * as z from "zod/mini";`, "", HELPERS];
  // One generic cache for every schema (built on first call) rather than a cache per operation.
  if (built) head.push(LAZY);
  if (declarations.length) head.push(...declarations, "");
  return [...head, body].join("\n");
}
