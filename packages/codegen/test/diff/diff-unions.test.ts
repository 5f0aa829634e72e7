import type { GenModel, JsonSchema } from "@gen/spec";
import { describe, expect, it } from "vitest";
import { diffModels } from "../../src/diff/diff-models.js";
import { highestBump } from "../../src/diff/model-change.js";
import { unionBody } from "../helpers/union-body.js";

/** A model whose one create takes a oneOf body (discriminated by `mode`) with nullable fields. */
function base(): GenModel {
  return {
    openapi: "3.1.0",
    info: { title: "U", version: "1" },
    servers: [{ url: "https://api.u.test" }],
    "x-gen-vendor": { id: "u", packageName: "@gen/u", displayName: "U" },
    paths: {
      "/gen": {
        post: {
          operationId: "gen",
          "x-gen-operation": { name: "gen", kind: "create" },
          requestBody: {
            content: {
              "application/json": {
                schema: unionBody(),
              },
            },
          },
        },
      },
    },
  };
}

type Edit = (m: GenModel) => void;
const variants = (m: GenModel) =>
  (m.paths["/gen"]!.post!.requestBody as { content: Record<string, { schema: JsonSchema }> }).content[
    "application/json"
  ]!.schema.oneOf!;
const text = (m: GenModel) => variants(m)[0]!;
const image = (m: GenModel) => variants(m)[1]!;

const table: Array<{ given: string; edit: Edit; want: Array<[string, string]>; bump?: string }> = [
  { given: "no change", edit: () => {}, want: [] },
  {
    given: "range narrowed inside one union variant",
    edit: (m) => {
      text(m).properties!.prompt!.maxLength = 50;
    },
    want: [["major", "range-narrowed"]],
  },
  {
    given: "optional field added to one variant",
    edit: (m) => {
      image(m).properties!.mask = { type: "string" };
    },
    want: [["minor", "parameter-added"]],
  },
  {
    given: "required field added to one variant",
    edit: (m) => {
      image(m).properties!.mask = { type: "string" };
      image(m).required!.push("mask");
    },
    want: [["major", "parameter-added-required"]],
  },
  {
    given: "variant removed",
    edit: (m) => {
      variants(m).pop();
    },
    want: [["major", "variant-removed"]],
  },
  {
    given: "variant added",
    edit: (m) => {
      variants(m).push({
        type: "object",
        required: ["mode", "video"],
        properties: { mode: { type: "string", const: "video" }, video: { type: "string" } },
      });
    },
    want: [["minor", "variant-added"]],
  },
  {
    given: "variants reordered (matched by discriminator): regenerated, nothing else",
    edit: (m) => {
      variants(m).reverse();
    },
    want: [["patch", "model-changed"]],
  },
  {
    given: "anyOf [X, null] no longer nullable",
    edit: (m) => {
      text(m).properties!.seed = { type: "integer" };
    },
    want: [["major", "nullable-removed"]],
  },
  {
    given: "3.1 type [X, null] no longer nullable",
    edit: (m) => {
      image(m).properties!.strength = { type: "number", maximum: 1 };
    },
    want: [["major", "nullable-removed"]],
  },
  {
    given: "3.0 nullable: true dropped",
    edit: (m) => {
      image(m).properties!.style = { type: "string" };
    },
    want: [["major", "nullable-removed"]],
  },
  {
    given: "field becomes nullable",
    edit: (m) => {
      text(m).properties!.prompt = { anyOf: [{ type: "string", maxLength: 100 }, { type: "null" }] };
    },
    want: [["minor", "nullable-added"]],
  },
  {
    given: "range widened inside a nullable field",
    edit: (m) => {
      image(m).properties!.strength = { type: ["number", "null"], maximum: 2 };
    },
    want: [["minor", "range-widened"]],
  },
  {
    given: "type changed inside anyOf [X, null]",
    edit: (m) => {
      text(m).properties!.seed = { anyOf: [{ type: "string" }, { type: "null" }] };
    },
    want: [["major", "type-changed"]],
  },
];

describe("diffModels: union bodies and nullable fields", () => {
  it.each(table)("$given", ({ edit, want }) => {
    const after = base();
    edit(after);
    const changes = diffModels(base(), after);
    expect(changes.map((c) => [c.bump, c.kind])).toEqual(want);
    if (want.length) expect(highestBump(changes)).toBe(want[0]![0]);
    for (const c of changes) if (c.kind !== "model-changed") expect(c.message).toMatch(/`gen`/);
  });
});
