import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { GenerationError } from "@gen/spec";
import { describe, expect, it } from "vitest";
import { generate } from "../src/generate.js";
import { copyFixture, genConfig, readTree, tempRoot } from "./helpers/temp-root.js";

const realCatalog = JSON.parse(
  readFileSync(join(import.meta.dirname, "__fixtures__", "mini-mediaio", "c_api_doc_detail.json"), "utf8"),
) as Array<Record<string, unknown>>;

type Case = {
  title: string;
  catalog: string;
  adapter: "mediaio" | "openapi";
  want: { entry: RegExp; field: RegExp; message: RegExp };
};

const mediaio = (mutate: (entries: Array<Record<string, unknown>>) => void): string => {
  const entries = structuredClone(realCatalog);
  mutate(entries);
  return JSON.stringify(entries);
};
const body = (params: unknown[]) => JSON.stringify({ title: "Request Body", category: [{ list: params }] });
const openapi = (paths: string) => `openapi: 3.1.0
info: { title: t, version: "1" }
servers: [{ url: "https://x.test" }]
x-gen-vendor: { id: bad, packageName: "@gen/bad", displayName: Bad }
paths:
${paths}`;

const cases: Case[] = [
  {
    title: "invalid JSON",
    adapter: "mediaio",
    catalog: "[{ not json",
    want: { entry: /file/, field: /^$/, message: /invalid JSON/ },
  },
  {
    title: "duplicate names",
    adapter: "mediaio",
    catalog: mediaio((e) => {
      (e[2] as Record<string, unknown>).name = "Credits";
    }),
    want: { entry: /\[2\] Credits/, field: /^name$/, message: /also used by \[0\] Credits/ },
  },
  {
    title: "unknown type",
    adapter: "mediaio",
    catalog: mediaio((e) => {
      (e[2] as Record<string, unknown>).api_body = body([
        { name: "n", type: "map<int>", describe: "", required: true },
      ]);
    }),
    want: {
      entry: /\[2\] Nano Banana/,
      field: /api_body\.category\[0\]\.list\[0\]\.type/,
      message: /unknown type "map<int>"/,
    },
  },
  {
    title: "missing endpoint",
    adapter: "mediaio",
    catalog: mediaio((e) => {
      delete (e[1] as Record<string, unknown>).endpoint;
    }),
    want: { entry: /\[1\] Task Result/, field: /^endpoint$/, message: /endpoint is required/ },
  },
  {
    title: "undeclared path parameter",
    adapter: "mediaio",
    catalog: mediaio((e) => {
      (e[1] as Record<string, unknown>).api_body = body([]);
    }),
    want: { entry: /\[1\] Task Result/, field: /^endpoint$/, message: /\{task_id\} is not declared/ },
  },
  {
    title: "api_body that is not JSON",
    adapter: "mediaio",
    catalog: mediaio((e) => {
      (e[0] as Record<string, unknown>).api_body = "{oops";
    }),
    want: { entry: /\[0\] Credits/, field: /^api_body$/, message: /invalid JSON in api_body/ },
  },
  {
    title: "openapi: undeclared path parameter",
    adapter: "openapi",
    catalog: openapi(`  /a/{id}:
    get:
      operationId: getA
      x-gen-operation: { name: a, kind: read }`),
    want: {
      entry: /GET \/a\/\{id\} \(getA\)/,
      field: /paths\.\/a\/\{id\}\.get\.parameters/,
      message: /\{id\} is not declared/,
    },
  },
  {
    title: "openapi: unknown schema type",
    adapter: "openapi",
    catalog: openapi(`  /a:
    post:
      operationId: postA
      x-gen-operation: { name: a, kind: create }
      requestBody:
        content:
          application/json:
            schema: { type: object, properties: { n: { type: int } } }`),
    want: { entry: /POST \/a/, field: /schema\.properties\.n\.type$/, message: /unknown type "int"/ },
  },
  {
    title: "openapi: unresolved $ref",
    adapter: "openapi",
    catalog: openapi(`  /a:
    post:
      operationId: postA
      x-gen-operation: { name: a, kind: create }
      requestBody:
        content:
          application/json:
            schema: { $ref: "#/components/schemas/Missing" }`),
    want: { entry: /POST \/a/, field: /schema\.\$ref$/, message: /unresolved \$ref/ },
  },
  {
    title: "openapi: duplicate operation name",
    adapter: "openapi",
    catalog: openapi(`  /a:
    get:
      operationId: getA
      x-gen-operation: { name: same, kind: read }
  /b:
    get:
      operationId: getB
      x-gen-operation: { name: same, kind: read }`),
    want: { entry: /GET \/b/, field: /x-gen-operation$/, message: /"same" is also used by GET \/a/ },
  },
  {
    title: "openapi: invalid YAML",
    adapter: "openapi",
    catalog: "openapi: 3.1.0\npaths: [unclosed",
    want: { entry: /line \d+/, field: /^$/, message: /cannot parse/ },
  },
];

describe("bad catalogs", () => {
  it.each(cases)(
    "$title: names file, entry and field, and writes nothing",
    async ({ catalog, adapter, want }) => {
      const file = adapter === "mediaio" ? "catalogs/bad/c_api_doc_detail.json" : "catalogs/bad/openapi.yaml";
      const root = tempRoot({
        [file]: catalog,
        "gen.config.json": genConfig([{ id: "bad", catalog: file, adapter }]),
      });
      const error = await generate({ root }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(GenerationError);
      const first = (error as GenerationError).first;
      expect(first?.file).toBe(file);
      expect(first?.entry ?? "").toMatch(want.entry);
      expect(first?.field ?? "").toMatch(want.field);
      expect(first?.message).toMatch(want.message);
      expect(readTree(join(root, "packages"))).toEqual({});
    },
  );

  it("writes nothing for any vendor when one vendor fails", async () => {
    const root = tempRoot({ "catalogs/bad/openapi.yaml": "openapi: 3.1.0\npaths: {}\n" });
    copyFixture(root, "sync-vendor");
    writeFileSync(
      join(root, "gen.config.json"),
      genConfig([
        { id: "syncvendor", catalog: "catalogs/sync-vendor/openapi.yaml", adapter: "openapi" },
        { id: "bad", catalog: "catalogs/bad/openapi.yaml", adapter: "openapi" },
      ]),
    );
    await expect(generate({ root })).rejects.toThrow(/servers\[0\]\.url/);
    expect(readTree(join(root, "packages"))).toEqual({});
  });
});
