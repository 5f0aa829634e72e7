import type { JsonSchema } from "@gen/spec";

/**
 * The JSON Schema of one catalog row: `type` plus `values`, either `min..max` (a range) or
 * `a|b|c` (an enum; a quoted value may hold `|`-free text with commas).
 */
export function csvFieldSchema(type: string, values: string, description: string): JsonSchema {
  const schema: JsonSchema = { type };
  const range = /^(-?\d+(?:\.\d+)?)\.\.(-?\d+(?:\.\d+)?)$/.exec(values);
  if (range) {
    schema.minimum = Number(range[1]);
    schema.maximum = Number(range[2]);
  } else if (values !== "") {
    schema.enum = values.split("|").map((v) => (type === "integer" || type === "number" ? Number(v) : v));
  }
  if (description) schema.description = description;
  return schema;
}
