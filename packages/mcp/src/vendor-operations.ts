import type { OperationDefinition, StandardSchemaV1 } from "@gen/runtime";
import type { JsonSchema } from "@gen/spec";
import { toJSONSchema } from "zod/v4/core";

/** The operation definitions a vendor package exports (`<id>Operation`), in export order. */
export function vendorOperations(module: Record<string, unknown>): OperationDefinition[] {
  const byId = new Map<string, OperationDefinition>();
  for (const value of Object.values(module)) {
    if (isOperation(value) && !byId.has(value.id)) byId.set(value.id, value);
  }
  return [...byId.values()];
}

function isOperation(value: unknown): value is OperationDefinition {
  if (typeof value !== "object" || value === null) return false;
  const op = value as Partial<OperationDefinition>;
  return (
    typeof op.id === "string" &&
    typeof op.name === "string" &&
    typeof op.method === "string" &&
    typeof op.path === "string" &&
    (op.kind === "create" || op.kind === "read")
  );
}

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
