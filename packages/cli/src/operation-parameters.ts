import type { OperationDefinition, StandardSchemaV1 } from "@gen/runtime";
import type { JsonSchema } from "@gen/spec";
import { toJSONSchema } from "zod/v4/core";

/** One input parameter as `gen list` shows it: its name, type and the schema's documented bounds. */
export interface ParameterInfo
  extends Pick<
    JsonSchema,
    | "enum"
    | "minimum"
    | "maximum"
    | "exclusiveMinimum"
    | "exclusiveMaximum"
    | "minLength"
    | "maxLength"
    | "minItems"
    | "maxItems"
    | "default"
    | "description"
  > {
  name: string;
  type: string;
  required: boolean;
}

/**
 * The operation's input as JSON Schema, derived from the package's exported zod schema
 * (`<operationId>InputSchema`), else from the operation's own input validator when it is zod.
 */
export function inputJsonSchema(
  operation: OperationDefinition,
  module: Record<string, unknown> = {},
): JsonSchema | undefined {
  const exported = module[`${operation.id}InputSchema`];
  const input = typeof exported === "function" ? (exported as () => StandardSchemaV1) : operation.input;
  const schema: StandardSchemaV1 | undefined = typeof input === "function" ? input() : input;
  if (schema?.["~standard"].vendor !== "zod") return undefined;
  try {
    return toJSONSchema(schema as unknown as Parameters<typeof toJSONSchema>[0], {
      io: "input",
      unrepresentable: "any",
    }) as JsonSchema;
  } catch {
    return undefined;
  }
}

/** Top-level parameters of an input schema, in declaration order. */
export function describeParameters(schema: JsonSchema | undefined): ParameterInfo[] {
  const properties = schema?.properties ?? {};
  const required = new Set(schema?.required ?? []);
  return Object.entries(properties).map(([name, prop]) => describeParameter(name, prop, required.has(name)));
}

function describeParameter(name: string, prop: JsonSchema, required: boolean): ParameterInfo {
  const info: ParameterInfo = { name, type: typeName(prop), required };
  const values = enumValues(prop);
  if (values) info.enum = values;
  const ranged = prop.type === "array" && prop.items ? { ...prop.items, ...prop } : prop;
  for (const key of [
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
  ] as const) {
    const value = ranged[key];
    if (typeof value === "number") info[key] = value;
  }
  if (prop.default !== undefined) info.default = prop.default;
  if (typeof prop.description === "string" && prop.description) info.description = prop.description;
  return info;
}

/** `string`, `integer`, `array<string>`, `string|number`. */
export function typeName(prop: JsonSchema): string {
  const variants = prop.anyOf ?? prop.oneOf;
  if (variants) return [...new Set(variants.map(typeName))].join("|");
  if (prop.const !== undefined) return typeof prop.const;
  const type = Array.isArray(prop.type) ? prop.type.join("|") : (prop.type ?? "any");
  if (type === "array") return `array<${prop.items ? typeName(prop.items) : "any"}>`;
  return type;
}

function enumValues(prop: JsonSchema): unknown[] | undefined {
  if (prop.enum) return prop.enum;
  if (prop.items?.enum) return prop.items.enum;
  const variants = prop.anyOf ?? prop.oneOf;
  if (variants?.every((v) => v.const !== undefined)) return variants.map((v) => v.const);
  return undefined;
}
