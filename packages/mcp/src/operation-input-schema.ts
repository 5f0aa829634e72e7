import type { OperationDefinition, StandardSchemaV1 } from "@gen/runtime";
import type { JsonSchema } from "@gen/spec";
import { toJSONSchema } from "zod/v4/core";

/**
 * The operation's input as JSON Schema, from the package's exported zod schema
 * (`<id>InputSchema()`, zod/mini) — the same source `gen list` reads; `{ type: "object" }` when
 * the package exports none.
 */
export function operationInputSchema(op: OperationDefinition, module: Record<string, unknown>): JsonSchema {
  const exported = module[`${op.id}InputSchema`];
  const input = typeof exported === "function" ? (exported as () => StandardSchemaV1) : op.input;
  const schema: StandardSchemaV1 | undefined = typeof input === "function" ? input() : input;
  if (schema?.["~standard"].vendor !== "zod") return { type: "object" };
  try {
    const json = toJSONSchema(schema as unknown as Parameters<typeof toJSONSchema>[0], {
      io: "input",
      unrepresentable: "any",
    }) as JsonSchema & { $schema?: string };
    const { $schema: _drop, ...rest } = json;
    return rest.type === "object" ? rest : { type: "object" };
  } catch {
    return { type: "object" };
  }
}
