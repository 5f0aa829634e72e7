import {
  deref,
  type GenModel,
  type JsonSchema,
  type ModelOperation,
  type RequestBodyObject,
  resolveSchema,
} from "@gen/spec";

/** The object shape of a schema: its properties (allOf merged), required names, and openness. */
export interface ObjectShape {
  properties: Record<string, JsonSchema>;
  required: string[];
  /** Keys beyond the declared ones are allowed (free-form object or `additionalProperties`). */
  open: boolean;
}

/** What an operation's request body is, as the plan needs it. */
export interface RequestBodyPlan {
  mediaType: string;
  encoding: "json" | "multipart" | "form" | "binary";
  /** An object body: its fields become input fields. */
  shape?: ObjectShape;
  /** A `oneOf`/`anyOf` body: one shape per variant (common properties merged into each). */
  variants?: ObjectShape[];
  /** The variants' discriminator property, when every variant pins it to constants. */
  discriminator?: string;
  /** Any other body (bytes, an array, a string): sent whole from the `body` input field. */
  whole?: JsonSchema;
}

const PREFERENCE = [/json/i, /^multipart\/form-data/i, /^application\/x-www-form-urlencoded/i];

/** Plans the request body of `op`: media type (JSON first), encoding, and the input shape. */
export function planRequestBody(model: GenModel, op: ModelOperation): RequestBodyPlan | undefined {
  if (!op.operation.requestBody) return undefined;
  const body = deref<RequestBodyObject>(model, op.operation.requestBody);
  const types = Object.keys(body.content ?? {});
  const mediaType = PREFERENCE.map((re) => types.find((t) => re.test(t))).find(Boolean) ?? types[0];
  if (mediaType === undefined) return undefined;
  const encoding = /json/i.test(mediaType)
    ? "json"
    : /^multipart\//i.test(mediaType)
      ? "multipart"
      : /x-www-form-urlencoded/i.test(mediaType)
        ? "form"
        : "binary";
  let schema = body.content?.[mediaType]?.schema;
  if (!schema)
    return encoding === "binary"
      ? { mediaType, encoding, whole: { type: "string", format: "binary" } }
      : undefined;
  schema = resolveSchema(model, schema).schema;
  const wrapper = model["x-gen-request"]?.bodyWrapper;
  const keys = Object.keys(schema.properties ?? {});
  if (wrapper && keys.length === 1 && keys[0] === wrapper && schema.properties?.[wrapper])
    schema = resolveSchema(model, schema.properties[wrapper]).schema;
  const variants = unionVariants(model, schema);
  if (variants) {
    const base = objectShape(model, { ...schema, oneOf: undefined, anyOf: undefined });
    const shapes = variants.map((v) => objectShape(model, v));
    if (shapes.every((s): s is ObjectShape => s !== undefined)) {
      const merged = shapes.map((s) => mergeShapes(base ?? { properties: {}, required: [], open: false }, s));
      if (merged.length === 1) return { mediaType, encoding, shape: merged[0] as ObjectShape };
      const discriminator = discriminatorOf(model, schema, merged);
      return { mediaType, encoding, variants: merged, ...(discriminator ? { discriminator } : {}) };
    }
    return { mediaType, encoding, whole: schema };
  }
  const shape = objectShape(model, schema);
  return shape ? { mediaType, encoding, shape } : { mediaType, encoding, whole: schema };
}

/** The non-null variants of a `oneOf`/`anyOf` (one variant: that variant is the body). */
function unionVariants(model: GenModel, s: JsonSchema): JsonSchema[] | undefined {
  const list = (s.oneOf ?? s.anyOf ?? []).filter((v) => !isNullSchema(model, v));
  return list.length >= 1 ? list : undefined;
}

/** `{ type: "null" }` (or `enum: [null]`). */
export function isNullSchema(model: GenModel, schema: JsonSchema): boolean {
  const s = resolveSchema(model, schema).schema;
  return (
    s.type === "null" ||
    (Array.isArray(s.type) && s.type.length === 1 && s.type[0] === "null") ||
    (s.enum?.length === 1 && s.enum[0] === null)
  );
}

/** The object shape of a schema (following `$ref` and merging `allOf`), or `undefined` when it is not an object. */
export function objectShape(model: GenModel, schema: JsonSchema, depth = 0): ObjectShape | undefined {
  if (depth > 8) return undefined;
  const s = resolveSchema(model, schema).schema;
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const isObject =
    types.includes("object") || s.properties !== undefined || (types.length === 0 && s.allOf !== undefined);
  if (!isObject || s.oneOf || s.anyOf) return undefined;
  let shape: ObjectShape = {
    properties: { ...s.properties },
    required: [...(s.required ?? [])],
    open:
      s.additionalProperties === true ||
      typeof s.additionalProperties === "object" ||
      (!s.properties && s.additionalProperties !== false && !s.allOf),
  };
  for (const part of s.allOf ?? []) {
    const inner = objectShape(model, part, depth + 1);
    if (!inner) return undefined;
    shape = mergeShapes(shape, inner);
  }
  return shape;
}

function mergeShapes(a: ObjectShape, b: ObjectShape): ObjectShape {
  const declared = Object.keys(a.properties).length + Object.keys(b.properties).length > 0;
  return {
    properties: { ...a.properties, ...b.properties },
    required: [...new Set([...a.required, ...b.required])],
    open: declared
      ? (a.open && Object.keys(a.properties).length > 0) || (b.open && Object.keys(b.properties).length > 0)
      : a.open || b.open,
  };
}

/** The discriminator property: declared, or found (a required property every variant pins to constants). */
function discriminatorOf(model: GenModel, s: JsonSchema, variants: ObjectShape[]): string | undefined {
  const pinned = (name: string) =>
    variants.every((v) => {
      const p = v.properties[name] && resolveSchema(model, v.properties[name]).schema;
      return (
        v.required.includes(name) && p !== undefined && (p.const !== undefined || (p.enum?.length ?? 0) > 0)
      );
    });
  const declared = s.discriminator?.propertyName;
  if (declared && pinned(declared)) return declared;
  return undefined;
}
