import type { GenModel, JsonSchema } from "@gen/spec";
import { describe, expect, it } from "vitest";
import { objectCompact, schemaToCompact } from "../src/emit/schema-to-compact.js";

const model = (sendDefaults = false) =>
  ({
    openapi: "3.1.0",
    paths: {},
    components: {
      schemas: { Self: { type: "object", properties: { next: { $ref: "#/components/schemas/Self" } } } },
    },
    ...(sendDefaults ? { "x-gen-request": { sendDefaults: true } } : {}),
  }) as unknown as GenModel;

describe("schemaToCompact", () => {
  const cases: Array<[string, JsonSchema, unknown]> = [
    [
      "string with rules",
      { type: "string", minLength: 1, maxLength: 5, pattern: "^a" },
      { t: "s", min: 1, max: 5, re: "^a" },
    ],
    ["url", { type: "string", format: "uri" }, { t: "s", url: 1 }],
    ["integer bounds", { type: "integer", minimum: 1, exclusiveMaximum: 9 }, { t: "i", gte: 1, lt: 9 }],
    ["enum", { type: "string", enum: ["a", "b", null] }, { t: "e", v: ["a", "b"] }],
    ["const", { const: 3 }, { t: "e", v: [3], m: "must be 3" }],
    ["array", { type: "array", items: { type: "boolean" }, maxItems: 2 }, { t: "a", of: { t: "b" }, max: 2 }],
    ["two types", { type: ["string", "number"] }, { t: "u", of: [{ t: "s" }, { t: "n" }] }],
    ["nullable: keeps zod", { type: ["string", "null"] }, undefined],
    ["unknown: keeps zod", {}, undefined],
    ["empty nested object: keeps zod", { type: "array", items: { type: "object" } }, undefined],
    ["recursion: keeps zod", { $ref: "#/components/schemas/Self" }, undefined],
  ];
  it.each(cases)("%s", (_name, schema, want) => {
    expect(schemaToCompact(schema, model())).toEqual(want);
  });

  it("marks optional and defaulted properties; strict unless additionalProperties", () => {
    const schema: JsonSchema = {
      type: "object",
      required: ["a"],
      properties: { a: { type: "string" }, b: { type: "integer" }, c: { type: "string", default: "x" } },
    };
    expect(objectCompact(schema, model(), 0)).toEqual({
      t: "o",
      p: { a: { t: "s" }, b: { t: "i", opt: 1 }, c: { t: "s", opt: 1 } },
    });
    expect(objectCompact({ ...schema, additionalProperties: true }, model(true), 0)).toEqual({
      t: "o",
      p: { a: { t: "s" }, b: { t: "i", opt: 1 }, c: { t: "s", def: "x" } },
      loose: 1,
    });
  });
});
