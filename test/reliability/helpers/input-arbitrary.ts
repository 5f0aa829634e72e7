import fc from "fast-check";

type Schema = Record<string, unknown>;
type Model = { components?: { schemas?: Record<string, Schema> } } & Record<string, unknown>;

function resolve(model: Model, schema: Schema): Schema {
  let s = schema;
  for (let i = 0; i < 10 && typeof s.$ref === "string"; i++) {
    const path = (s.$ref as string).replace(/^#\//, "").split("/");
    s = path.reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], model) as Schema;
  }
  return s ?? {};
}

const num = (v: unknown): v is number => typeof v === "number";

/**
 * Random and boundary values for a JSON Schema: values at and just past every declared bound,
 * every enum member plus near-misses, wrong types, and anything at all (low weight).
 */
export function valueArbitrary(model: Model, raw: Schema, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(model, raw);
  const options: fc.Arbitrary<unknown>[] = [];
  const variants = [...((schema.oneOf ?? schema.anyOf ?? []) as Schema[])];
  for (const v of variants) options.push(valueArbitrary(model, v, depth + 1));
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    const members = schema.enum as unknown[];
    options.push(fc.constantFrom(...members));
    options.push(fc.constantFrom(...members.map((m) => (typeof m === "string" ? `${m} ` : String(m)))));
  }
  if ("const" in schema) options.push(fc.constant(schema.const));
  const types = [schema.type].flat().filter(Boolean);
  if (types.includes("string")) {
    const max = num(schema.maxLength) ? schema.maxLength : 40;
    const min = num(schema.minLength) ? schema.minLength : 0;
    options.push(fc.string({ maxLength: Math.min(max, 30) }));
    options.push(fc.constantFrom(max, max + 1, Math.max(0, min - 1), min).map((n) => "x".repeat(n)));
    if (schema.format === "uri" || schema.format === "url") options.push(fc.webUrl());
  }
  if (types.includes("integer") || types.includes("number")) {
    const bounds = [schema.minimum, schema.maximum, schema.exclusiveMinimum, schema.exclusiveMaximum].filter(
      num,
    );
    const edges = bounds.flatMap((b) => [b - 1, b, b + 1, b + 0.5]);
    options.push(fc.constantFrom(0, -1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 2, ...edges));
    options.push(types.includes("integer") ? fc.integer() : fc.double());
  }
  if (types.includes("boolean")) options.push(fc.boolean());
  if (types.includes("array") && depth < 4) {
    const item = valueArbitrary(model, (schema.items as Schema) ?? {}, depth + 1);
    const max = num(schema.maxItems) ? schema.maxItems : 3;
    options.push(fc.array(item, { maxLength: Math.min(max + 1, 12) }));
  }
  if ((types.includes("object") || schema.properties) && depth < 4) {
    options.push(objectArbitrary(model, schema, depth + 1));
  }
  options.push(fc.anything({ maxDepth: 2 }));
  return fc.oneof(...options);
}

/** Objects with any subset of the declared properties, sometimes an unknown extra one. */
export function objectArbitrary(model: Model, raw: Schema, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const schema = resolve(model, raw);
  const props = (schema.properties ?? {}) as Record<string, Schema>;
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, prop] of Object.entries(props)) shape[name] = valueArbitrary(model, prop, depth);
  const record = fc.record(shape, { requiredKeys: [] });
  return fc
    .tuple(
      record,
      fc.option(fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.anything({ maxDepth: 1 }))),
    )
    .map(([value, extra]) => (extra && !(extra[0] in props) ? { ...value, [extra[0]]: extra[1] } : value));
}

/** The flat input schema of one operation: parameters (path, query, header) plus body properties. */
export function operationInputSchema(model: Model, operation: Schema): Schema {
  const properties: Record<string, Schema> = {};
  for (const p of (operation.parameters ?? []) as Schema[]) {
    const param = resolve(model, p);
    properties[param.name as string] = (param.schema as Schema) ?? {};
  }
  const content = (operation.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)
    ?.content;
  const body = content?.["application/json"]?.schema;
  if (body) Object.assign(properties, (resolve(model, body).properties ?? {}) as Record<string, Schema>);
  return { type: "object", properties };
}
