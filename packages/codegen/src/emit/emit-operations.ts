import type { EmitContext } from "./emit-context.js";
import { operationDoc } from "./emit-operation-doc.js";
import { compactInputSpec } from "./emit-validators.js";
import { genHeader } from "./header.js";
import { literal } from "./names.js";
import type { OperationPlan } from "./operation-plan.js";

/**
 * `operations.gen.ts`: the `OperationDefinition` data and one standalone function per operation,
 * which carries the operation's one doc (the client's methods are mapped from these functions).
 */
export function emitOperations(ctx: EmitContext): string {
  const out: string[] = [
    genHeader(ctx.catalog),
    `import type { CallOptions, OperationDefinition, StandardSchemaV1, Task, VendorClient } from "@gen/runtime";`,
  ];
  const compact = ctx.plans.filter((p) => compactInputSpec(ctx, p));
  const zod = ctx.plans.filter((p) => !compact.includes(p));
  if (zod.length)
    out.push(`import { ${zod.map((p) => `${p.id}InputSchema`).join(", ")} } from "./schemas.gen.js";`);
  if (compact.length) {
    out.push(`import { ${compact.map((p) => `${p.id}InputCheck`).join(", ")} } from "./validators.gen.js";`);
  }
  if (ctx.plans.length) {
    // One namespace import rather than every type by name (`T.XInput`): the names are written once.
    out.push(`import type * as T from "./types.gen.js";`);
  }
  out.push(
    "",
    `// Per operation: its definition (data, no code) and a standalone function for tree-shaking,`,
    `// \`op(${ctx.factory}Runtime(), input)\` (a task operation's resolves to a \`Task\`).`,
  );
  if (ctx.plans.length) {
    // One generic body for every standalone function; \`/* @__PURE__ */\` keeps each droppable.
    out.push(
      "",
      `/** A standalone function calling one operation: \`op(client, input, options?)\`. */`,
      `const _op = <I, R>(operation: OperationDefinition<I, unknown>) => (client: VendorClient, input: I, options?: CallOptions): Promise<R> => client.invoke(operation, input, options) as Promise<R>;`,
    );
  }
  out.push("");
  for (const plan of ctx.plans) out.push(emitOperation(ctx, plan, compact.includes(plan)));
  return out.join("\n");
}

function emitOperation(ctx: EmitContext, plan: OperationPlan, compact: boolean): string {
  const x = plan.source.xGen;
  const T = plan.typeName;
  const fields: string[] = [`id: ${literal(plan.id)}`, `name: ${literal(plan.name)}`];
  if (plan.aliases.length) fields.push(`aliases: ${literal(plan.aliases)}`);
  fields.push(`method: ${literal(plan.method)}`, `path: ${literal(plan.path)}`);
  const byIn = (where: string) => plan.fields.filter((f) => f.in === where);
  if (byIn("path").length) fields.push(`pathParams: ${literal(byIn("path").map((f) => f.name))}`);
  if (byIn("query").length) fields.push(`queryParams: ${literal(byIn("query").map((f) => f.name))}`);
  if (byIn("header").length) {
    fields.push(
      `headerParams: ${literal(Object.fromEntries(byIn("header").map((f) => [f.name, f.wireName])))}`,
    );
  }
  if (plan.queryStyles) fields.push(`queryStyles: ${literal(plan.queryStyles)}`);
  if (plan.body) fields.push(`body: ${literal(plan.body)}`);
  if (plan.responseType) fields.push(`responseType: ${literal(plan.responseType)}`);
  fields.push(`kind: ${literal(plan.kind)}`);
  if (plan.task) fields.push(`task: ${literal(plan.estimatedMs ? { estimatedMs: plan.estimatedMs } : {})}`);
  if (x.constBody) fields.push(`constBody: ${literal(x.constBody)}`);
  if (x.rules?.length) fields.push(`rules: ${literal(x.rules)}`);
  if (x.outputAliases) fields.push(`outputAliases: ${literal(x.outputAliases)}`);
  fields.push(
    compact
      ? `input: ${plan.id}InputCheck`
      : `input: ${plan.id}InputSchema as unknown as () => StandardSchemaV1<unknown, T.${T}Input>`,
  );
  const result = plan.task && ctx.taskResultType ? `Task<T.${T}Result>` : `T.${T}Output`;
  return [
    // One line per definition: data, read by the runtime, not by people.
    `export const ${plan.id}Operation: OperationDefinition<T.${T}Input, T.${T}Output> = { ${fields.join(", ")} };`,
    "",
    ...operationDoc(ctx, plan),
    `export const ${plan.id} = /* @__PURE__ */ _op<T.${T}Input, ${result}>(${plan.id}Operation);`,
    "",
  ].join("\n");
}
