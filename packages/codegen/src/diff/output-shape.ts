import { type GenModel, type JsonSchema, resolveSchema } from "@gen/spec";

const MAX_DEPTH = 8;

/**
 * The shape a consumer's code sees of a response or task result: every reachable property path
 * (`data.items[].url`) with its type(s). `$ref`s are followed; unions list their members' types.
 */
export function outputShape(model: GenModel, schema: JsonSchema | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (schema) walk(model, schema, "", out, 0);
  return out;
}

function walk(model: GenModel, raw: JsonSchema, path: string, out: Map<string, string>, depth: number): void {
  if (depth > MAX_DEPTH) return;
  let schema: JsonSchema;
  try {
    schema = resolveSchema(model, raw).schema;
  } catch {
    return;
  }
  const members = [...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? [])];
  const types = [schema.type ?? (schema.properties ? "object" : schema.items ? "array" : [])].flat();
  if (path) out.set(path, [...new Set(types)].sort().join(" | ") || "any");
  for (const [name, child] of Object.entries(schema.properties ?? {}))
    walk(model, child, path ? `${path}.${name}` : name, out, depth + 1);
  if (schema.items) walk(model, schema.items, `${path}[]`, out, depth + 1);
  for (const m of members) walk(model, m, path, out, depth + 1);
}
