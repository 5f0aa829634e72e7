import type { JsonSchema } from "@gen/spec";
import type { EmitContext } from "./emit-context.js";
import { FirstEmitter } from "./first-emitter.js";
import { genHeader } from "./header.js";
import { hoistRepeats, ZOD_ENUMS, ZOD_PATTERNS } from "./hoist-repeats.js";
import { hoistShapes, type ShapeKind } from "./hoist-shapes.js";
import { camelCase, literal } from "./names.js";
import type { OperationPlan } from "./operation-plan.js";
import { objectMembers } from "./schema-to-zod.js";
import { zodPreamble } from "./zod-preamble.js";

function objectExpr(ctx: EmitContext, fields: OperationPlan["fields"], open: boolean, indent = "  "): string {
  const schema: JsonSchema = {
    type: "object",
    properties: Object.fromEntries(fields.map((f) => [f.name, f.schema])),
    required: fields.filter((f) => f.required).map((f) => f.name),
  };
  if (open) schema.additionalProperties = true;
  const { ctor, members } = objectMembers(schema, ctx.model, 0);
  return members.length
    ? `${ctor}({\n${members.map((m) => `${indent}${m},\n`).join("")}${indent.slice(2)}})`
    : `${ctor}({})`;
}

/** A `oneOf`/`anyOf` body: a discriminated union when the variants pin a property, else a union. */
function variantsExpr(ctx: EmitContext, plan: OperationPlan): string {
  const shapes = (plan.variants ?? []).map((v) => objectExpr(ctx, v.fields, v.open, "        "));
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

/** A nested object (or union) schema written more than once: one lazily built schema, shared. */
const ZOD_SHAPES: ShapeKind = {
  start: /\b(?:obj\(|loose\(|z\.union\()/g,
  declare: (name, text) => `const ${name} = /* @__PURE__ */ lazy(() => ${text});`,
  use: (name) => `${name}()`,
  name: (key) => `${key ? camelCase(key).replace(/_$/, "") : "object"}Shape`,
};

/** `schemas.gen.ts`: one lazily built zod/mini input schema per operation (tree-shakeable functions). */
export function emitSchemas(ctx: EmitContext): string {
  const out: string[] = [];
  const first = new FirstEmitter();
  for (const plan of ctx.plans) {
    const expr = plan.variants ? variantsExpr(ctx, plan) : objectExpr(ctx, plan.fields, plan.openBody);
    const earlier = first.earlier(expr, plan.id);
    if (earlier) {
      // The same rules as an earlier operation's input: that schema (one build, one cache), and
      // no doc of its own (the line says whose rules it has).
      out.push(`export const ${plan.id}InputSchema = ${earlier}InputSchema;`, "");
      continue;
    }
    out.push(
      `/** zod/mini schema of \`${plan.typeName}Input\`, built on first use. */`,
      `export const ${plan.id}InputSchema = /* @__PURE__ */ lazy(() => ${expr});`,
      "",
    );
  }
  const shapes = hoistShapes(out.join("\n"), ZOD_SHAPES);
  const enums = hoistRepeats([...shapes.declarations, shapes.body].join("\n"), ZOD_ENUMS);
  const patterns = hoistRepeats(enums.body, ZOD_PATTERNS);
  const declarations = [...patterns.declarations, ...enums.declarations];
  const body = patterns.body;
  const code = [...declarations, body].join("\n");
  // One generic cache for every schema (`lazy`, built on first call) rather than a cache per operation.
  const head = [genHeader(ctx.catalog), `import * as z from "zod/mini";`, "", ...zodPreamble(code), ""];
  if (declarations.length) head.push(...declarations, "");
  return [...head, body].join("\n");
}
