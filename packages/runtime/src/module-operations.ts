import type { OperationDefinition } from "./types.js";

/**
 * The operation definitions a generated vendor package exports (`<id>Operation`), in export
 * order, one per id: how the surfaces (cli, mcp, ai-sdk) find a package's operations.
 */
export function moduleOperations(module: Readonly<Record<string, unknown>>): OperationDefinition[] {
  const byId = new Map<string, OperationDefinition>();
  for (const value of Object.values(module)) {
    if (isOperationDefinition(value) && !byId.has(value.id)) byId.set(value.id, value);
  }
  return [...byId.values()];
}

/** True for an object shaped like an {@link OperationDefinition}. */
export function isOperationDefinition(value: unknown): value is OperationDefinition {
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
