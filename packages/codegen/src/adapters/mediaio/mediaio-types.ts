import type { JsonSchema } from "@gen/spec";

const SCALARS: Record<string, JsonSchema> = {
  string: { type: "string" },
  integer: { type: "integer" },
  int: { type: "integer" },
  number: { type: "number" },
  float: { type: "number" },
  boolean: { type: "boolean" },
  bool: { type: "boolean" },
  object: { type: "object" },
};

/** Maps a Media.io type (`string`, `array<string>`, `array`...) to JSON Schema; undefined when unknown. */
export function mediaioTypeToSchema(type: string): JsonSchema | undefined {
  const t = type.trim().toLowerCase();
  const scalar = SCALARS[t];
  if (scalar) return { ...scalar };
  if (t === "array") return { type: "array" };
  const m = /^array\s*<\s*(.+)\s*>$/.exec(t);
  if (m) {
    const items = mediaioTypeToSchema(m[1] as string);
    return items ? { type: "array", items } : undefined;
  }
  return undefined;
}
