import type { GenModel, JsonSchema } from "@gen/spec";
import { describe, expect, it } from "vitest";
import { diffModels } from "../../src/diff/diff-models.js";
import { highestBump } from "../../src/diff/model-change.js";

/** A small model: one create with a body, one read with a path and a header parameter. */
function base(): GenModel {
  return {
    openapi: "3.1.0",
    info: { title: "T", version: "1", description: "About T." },
    servers: [{ url: "https://api.t.test/v1" }],
    "x-gen-vendor": { id: "t", packageName: "@gen/t", displayName: "T" },
    "x-gen-hosts": { api: ["api.t.test"], results: ["cdn.t.test"] },
    components: { schemas: { Size: { type: "string", enum: ["s", "m"] } } },
    paths: {
      "/make": {
        post: {
          operationId: "make",
          summary: "Makes a thing",
          "x-gen-operation": { name: "make", kind: "create" },
          requestBody: {
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["prompt"],
                  properties: {
                    prompt: { type: "string", maxLength: 100, description: "What to make" },
                    size: { $ref: "#/components/schemas/Size" },
                    count: { type: "integer", minimum: 1, maximum: 4 },
                    style: { type: "object", properties: { tone: { type: "string" } } },
                  },
                },
              },
            },
          },
        },
      },
      "/things/{id}": {
        get: {
          operationId: "getThing",
          "x-gen-operation": { name: "get-thing", kind: "read", headerParams: { userId: "X-User" } },
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string" } },
            { name: "X-User", in: "header", schema: { type: "string" } },
          ],
        },
      },
    },
  };
}

type Edit = (m: GenModel) => void;
const body = (m: GenModel) =>
  (m.paths["/make"]!.post!.requestBody as { content: Record<string, { schema: JsonSchema }> }).content[
    "application/json"
  ]!.schema;
const prop = (m: GenModel, name: string) => body(m).properties![name]!;

const table: Array<{ given: string; edit: Edit; want: Array<[string, string]> }> = [
  { given: "no change", edit: () => {}, want: [] },
  {
    given: "operation summary reworded",
    edit: (m) => {
      m.paths["/make"]!.post!.summary = "Makes a thing, fast";
    },
    want: [["patch", "description-changed"]],
  },
  {
    given: "parameter description reworded",
    edit: (m) => {
      prop(m, "prompt").description = "What you want";
    },
    want: [["patch", "description-changed"]],
  },
  {
    given: "package description reworded",
    edit: (m) => {
      m.info.description = "All about T.";
    },
    want: [["patch", "description-changed"]],
  },
  {
    given: "operation added",
    edit: (m) => {
      m.paths["/other"] = {
        post: { operationId: "other", "x-gen-operation": { name: "other", kind: "create" } },
      };
    },
    want: [["minor", "operation-added"]],
  },
  {
    given: "optional parameter added",
    edit: (m) => {
      body(m).properties!.seed = { type: "integer" };
    },
    want: [["minor", "parameter-added"]],
  },
  {
    given: "enum value added (through a $ref)",
    edit: (m) => {
      m.components!.schemas!.Size!.enum = ["s", "m", "l"];
    },
    want: [["minor", "enum-widened"]],
  },
  {
    given: "range widened",
    edit: (m) => {
      prop(m, "count").maximum = 8;
    },
    want: [["minor", "range-widened"]],
  },
  {
    given: "required parameter made optional",
    edit: (m) => {
      body(m).required = [];
    },
    want: [["minor", "parameter-now-optional"]],
  },
  {
    given: "operation removed",
    edit: (m) => {
      delete m.paths["/things/{id}"];
    },
    want: [["major", "operation-removed"]],
  },
  {
    given: "parameter removed",
    edit: (m) => {
      delete body(m).properties!.count;
    },
    want: [["major", "parameter-removed"]],
  },
  {
    given: "new required parameter",
    edit: (m) => {
      body(m).properties!.model = { type: "string" };
      body(m).required = ["prompt", "model"];
    },
    want: [["major", "parameter-added-required"]],
  },
  {
    given: "optional parameter made required",
    edit: (m) => {
      body(m).required = ["prompt", "count"];
    },
    want: [["major", "parameter-now-required"]],
  },
  {
    given: "enum narrowed",
    edit: (m) => {
      m.components!.schemas!.Size!.enum = ["s"];
    },
    want: [["major", "enum-narrowed"]],
  },
  {
    given: "range narrowed (max lowered, min raised)",
    edit: (m) => {
      prop(m, "count").maximum = 2;
      prop(m, "count").minimum = 2;
    },
    want: [
      ["major", "range-narrowed"],
      ["major", "range-narrowed"],
    ],
  },
  {
    given: "string length narrowed",
    edit: (m) => {
      prop(m, "prompt").maxLength = 50;
    },
    want: [["major", "range-narrowed"]],
  },
  {
    given: "header wire name changed",
    edit: (m) => {
      const op = m.paths["/things/{id}"]!.get!;
      op["x-gen-operation"]!.headerParams = { userId: "X-User-Id" };
      op.parameters = [
        { name: "id", in: "path", required: true, schema: { type: "string" } },
        { name: "X-User-Id", in: "header", schema: { type: "string" } },
      ];
    },
    want: [["major", "wire-name-changed"]],
  },
  {
    given: "path changed",
    edit: (m) => {
      m.paths["/v2/make"] = m.paths["/make"]!;
      delete m.paths["/make"];
    },
    want: [["major", "wire-path-changed"]],
  },
  {
    given: "API host changed",
    edit: (m) => {
      m.servers = [{ url: "https://api.t2.test/v1" }];
      m["x-gen-hosts"] = { api: ["api.t2.test"], results: ["cdn.t.test"] };
    },
    want: [
      ["major", "hosts-changed"],
      ["major", "base-url-changed"],
    ],
  },
  {
    given: "type changed",
    edit: (m) => {
      prop(m, "prompt").type = "integer";
    },
    want: [["major", "type-changed"]],
  },
  {
    given: "nested property removed",
    edit: (m) => {
      prop(m, "style").properties = {};
    },
    want: [["major", "property-removed"]],
  },
  {
    given: "only error table changed",
    edit: (m) => {
      m["x-gen-errors"] = { "42": { kind: "rate_limited", message: "slow down" } };
    },
    want: [["minor", "error-code-added"]],
  },
  {
    given: "only the do-not-edit note changed",
    edit: (m) => {
      m["x-gen-generated"] = "regenerated";
    },
    want: [],
  },
  {
    given: "an unknown extension changed",
    edit: (m) => {
      m["x-vendor-extra"] = 1;
    },
    want: [["patch", "model-changed"]],
  },
];

describe("diffModels", () => {
  it.each(table)("$given", ({ edit, want }) => {
    const after = base();
    edit(after);
    const changes = diffModels(base(), after);
    expect(changes.map((c) => [c.bump, c.kind])).toEqual(want);
    for (const c of changes) expect(c.message.length).toBeGreaterThan(10);
  });

  it("the highest bump wins", () => {
    const after = base();
    after.paths["/make"]!.post!.summary = "x";
    delete after.paths["/things/{id}"];
    expect(highestBump(diffModels(base(), after))).toBe("major");
  });

  it("is pure: inputs are not modified", () => {
    const a = base();
    const b = base();
    delete b.paths["/make"];
    diffModels(a, b);
    expect(a).toEqual(base());
  });
});
