import { describe, expect, it } from "vitest";
import {
  defineCatalogAdapter,
  formatDiagnostic,
  GenerationError,
  type GenModel,
  getRequestBodySchema,
  getResponseSchema,
  isCatalogAdapterV1,
  listOperations,
  pathTemplateParams,
  resolvePointer,
  resolveSchema,
} from "../src/index.js";

const model: GenModel = {
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  servers: [{ url: "https://x.test" }],
  "x-gen-vendor": { id: "x", packageName: "@gen/x", displayName: "X" },
  "x-gen-envelope": { codeField: "code", messageField: "msg", dataField: "data", successCodes: [0] },
  "x-gen-request": { bodyWrapper: "data" },
  paths: {
    "/b/{id}": {
      post: {
        operationId: "postB",
        "x-gen-operation": { name: "b", kind: "create" },
        requestBody: {
          content: {
            "application/json": {
              schema: { type: "object", properties: { data: { $ref: "#/components/schemas/In" } } },
            },
          },
        },
        responses: {
          "200": {
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: { code: { type: "integer" }, data: { $ref: "#/components/schemas/Out" } },
                },
              },
            },
          },
        },
      },
    },
    "/a": {
      get: { operationId: "getA", "x-gen-operation": { name: "a", kind: "read" } },
      put: { operationId: "untracked" },
    },
  },
  components: {
    schemas: {
      In: {
        type: "object",
        properties: { mode: { $ref: "#/components/schemas/Mode", description: "Own words.", default: "x" } },
      },
      Out: { type: "object", properties: { url: { type: "string" } } },
      Mode: { type: "string", enum: ["x", "y"], description: "Generic." },
      "a/b": { type: "string" },
    },
  },
};

describe("model reader", () => {
  it("lists operations with x-gen-operation in path then method order", () => {
    expect(listOperations(model).map((o) => `${o.method} ${o.path}`)).toEqual(["get /a", "post /b/{id}"]);
  });

  it("unwraps the body wrapper and the envelope", () => {
    const op = listOperations(model)[1]!;
    expect(Object.keys(getRequestBodySchema(model, op)?.properties ?? {})).toEqual(["mode"]);
    expect(getResponseSchema(model, op)?.properties?.url).toEqual({ type: "string" });
  });

  it("merges $ref siblings over the target", () => {
    const prop = model.components?.schemas?.In?.properties?.mode ?? {};
    const got = resolveSchema(model, prop);
    expect(got.schema).toMatchObject({ enum: ["x", "y"], description: "Own words.", default: "x" });
    expect(got.refName).toBe("Mode");
  });

  it("resolves escaped pointers and names a missing target", () => {
    expect(resolvePointer(model, "#/components/schemas/a~1b")).toEqual({ type: "string" });
    expect(() => resolvePointer(model, "#/components/schemas/Nope")).toThrow(/unresolved \$ref/);
    expect(() => resolvePointer(model, "other.yaml#/x")).toThrow(/only local/);
  });

  it("reads path template parameters", () => {
    expect(pathTemplateParams("/a/{x}/b/{y}")).toEqual(["x", "y"]);
  });
});

describe("adapter contract", () => {
  it("recognises v1 adapters only", async () => {
    const adapter = defineCatalogAdapter({
      specificationVersion: "v1",
      name: "demo",
      load: async () => ({ model, warnings: [] }),
    });
    expect(isCatalogAdapterV1(adapter)).toBe(true);
    expect(isCatalogAdapterV1({ ...adapter, specificationVersion: "v2" })).toBe(false);
    expect(isCatalogAdapterV1(null)).toBe(false);
  });

  it("GenerationError names file, entry and field", () => {
    const error = new GenerationError([
      { severity: "warning", code: "w", message: "minor", file: "c.json" },
      {
        severity: "error",
        code: "unknown-type",
        message: 'unknown type "int"',
        file: "c.json",
        entry: "[2] X",
        field: "type",
      },
    ]);
    expect(error.first?.code).toBe("unknown-type");
    expect(error.message).toContain('c.json > [2] X > type: unknown type "int"');
    expect(formatDiagnostic(error.diagnostics[0]!)).toBe("warning [w] c.json: minor");
  });
});
