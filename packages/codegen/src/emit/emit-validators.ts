import type { JsonSchema } from "@gen/spec";
import type { EmitContext } from "./emit-context.js";
import { FirstEmitter } from "./first-emitter.js";
import { genHeader } from "./header.js";
import { COMPACT_ENUMS, COMPACT_PATTERNS, hoistRepeats } from "./hoist-repeats.js";
import { hoistShapes, type ShapeKind } from "./hoist-shapes.js";
import { camelCase, literal } from "./names.js";
import type { OperationPlan } from "./operation-plan.js";
import { objectCompact } from "./schema-to-compact.js";

/** The `compactSchema` spec of an operation's input; `undefined` when it keeps its zod schema. */
export function compactInputSpec(ctx: EmitContext, plan: OperationPlan): Record<string, unknown> | undefined {
  if (plan.variants) return undefined;
  const schema: JsonSchema = {
    type: "object",
    properties: Object.fromEntries(plan.fields.map((f) => [f.name, f.schema])),
    required: plan.fields.filter((f) => f.required).map((f) => f.name),
  };
  if (plan.openBody) schema.additionalProperties = true;
  return objectCompact(schema, ctx.model, 0);
}

/** A nested spec written more than once (a shared request object): one constant, referenced. */
const COMPACT_SHAPES: ShapeKind = {
  // Not a lone enum (`{"t":"e",...}`): its value list is hoisted as `choicesN` already, and a spec
  // constant around it would only add a name to a one-operation bundle.
  start: /\{(?="t":"[^e])/g,
  declare: (name, text) => `const ${name} = ${text} as const;`,
  use: (name) => name,
  name: (key) => `${key ? camelCase(key).replace(/_$/, "") : "object"}Spec`,
  key: /"([A-Za-z_$][\w$]*)":(?:\{"t":"a","of":)?$/,
};

/**
 * `validators.gen.ts`: per operation, a zod-free input validator (`compactSchema` over plain data,
 * the same rules and messages as the zod schema) that the operation definitions use, so that a
 * one-operation app does not bundle zod. Operations whose input it cannot express keep zod.
 */
export function emitValidators(ctx: EmitContext): string {
  const specs = new Map<OperationPlan, string>();
  for (const p of ctx.plans) {
    const spec = compactInputSpec(ctx, p);
    if (spec) specs.set(p, literal(spec));
  }
  const plans = [...specs.keys()];
  const first = new FirstEmitter();
  const out: string[] = [genHeader(ctx.catalog)];
  if (plans.length) {
    out.push(`import { compactSchema, type StandardSchemaV1 } from "@gen/runtime";`);
    // One namespace import rather than every type by name (`T.XInput`).
    out.push(`import type * as T from "./types.gen.js";`, "");
    out.push(`/** A zod-free validator of one operation's input. */`);
    out.push(`type Check<I> = () => StandardSchemaV1<unknown, I>;`);
  }
  out.push("");
  const body: string[] = [];
  for (const plan of plans) {
    const spec = specs.get(plan) as string;
    const earlier = first.earlier(spec, plan.id);
    // The same rules as an earlier operation's: its validator, typed for this input (the input
    // types match field for field); no doc of its own (the line says whose rules it has).
    if (earlier)
      body.push(
        `export const ${plan.id}InputCheck = ${earlier}InputCheck as Check<T.${plan.typeName}Input>;`,
        "",
      );
    else
      body.push(
        `/** Validator of \`${plan.typeName}Input\` without zod (the rules of \`${plan.id}InputSchema\`). */`,
        `export const ${plan.id}InputCheck: Check<T.${plan.typeName}Input> = () =>`,
        `  compactSchema(${spec});`,
        "",
      );
  }
  const shapes = hoistShapes(body.join("\n"), COMPACT_SHAPES);
  const enums = hoistRepeats(
    [...shapes.declarations, ...(shapes.declarations.length ? [""] : []), shapes.body].join("\n"),
    COMPACT_ENUMS,
  );
  const patterns = hoistRepeats(enums.body, COMPACT_PATTERNS);
  const declarations = [...patterns.declarations, ...enums.declarations];
  if (declarations.length) out.push(...declarations, "");
  return [...out, patterns.body].join("\n");
}
