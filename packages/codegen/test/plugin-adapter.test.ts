import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../src/generate.js";
import { genConfig, readTree, tempRoot } from "./helpers/temp-root.js";

const plugin = `export const adapter = {
  specificationVersion: "v1",
  name: "acme",
  async load(ctx) {
    const names = JSON.parse(await ctx.readFile(ctx.catalogPath));
    const paths = {};
    for (const n of names) {
      paths["/" + n] = { post: { operationId: n, "x-gen-operation": { name: n, kind: "create" } } };
    }
    return {
      model: {
        openapi: "3.1.0",
        info: { title: "Acme", version: "1" },
        servers: [{ url: "https://api.acme.test" }],
        "x-gen-vendor": { id: "acme", packageName: "@gen/acme", displayName: "Acme" },
        paths,
      },
      warnings: [{ severity: "warning", code: "acme", message: "from plugin", file: ctx.catalogPath }],
    };
  },
};
`;

describe("third-party adapters", () => {
  it("loads a plugin package implementing CatalogAdapterV1", async () => {
    const root = tempRoot({
      "package.json": "{}",
      "node_modules/acme-gen-adapter/package.json": JSON.stringify({
        name: "acme-gen-adapter",
        type: "module",
        main: "index.js",
      }),
      "node_modules/acme-gen-adapter/index.js": plugin,
      "catalogs/acme/names.json": JSON.stringify(["makeThing", "otherThing"]),
      "gen.config.json": genConfig([
        { id: "acme", catalog: "catalogs/acme/names.json", adapter: "acme-gen-adapter" },
      ]),
    });
    const result = await generate({ root });
    expect(result.vendors).toEqual([{ id: "acme", operations: 2, stats: {} }]);
    expect(result.warnings.map((w) => w.message)).toContain("from plugin");
    expect(readTree(join(root, "packages/acme/src"))["operations.gen.ts"]).toContain(
      "export const makeThing = /* @__PURE__ */ _op<",
    );
  });

  it("rejects a package that exports no v1 adapter, naming it", async () => {
    const root = tempRoot({
      "package.json": "{}",
      "node_modules/not-an-adapter/package.json": JSON.stringify({
        name: "not-an-adapter",
        type: "module",
        main: "index.js",
      }),
      "node_modules/not-an-adapter/index.js": "export const x = 1;\n",
      "catalogs/x/c.json": "[]",
      "gen.config.json": genConfig([{ id: "x", catalog: "catalogs/x/c.json", adapter: "not-an-adapter" }]),
    });
    await expect(generate({ root })).rejects.toThrow(/not-an-adapter.*CatalogAdapterV1/);
  });

  it("gen.config.mjs: plugins by relative path register adapters by name; include adds other roots", async () => {
    const root = tempRoot({
      "package.json": "{}",
      "adapters/acme.mjs": plugin,
      "catalogs/acme/names.json": JSON.stringify(["makeThing"]),
      "gen.config.mjs": `export default {
  plugins: ["./adapters/acme.mjs"],
  include: ["sub"],
  vendors: [{ id: "acme", catalog: "catalogs/acme/names.json", adapter: "acme", out: "packages/acme" }],
};
`,
      "sub/plugin.mjs": plugin,
      "sub/names.json": JSON.stringify(["subThing"]),
      "sub/gen.config.json": JSON.stringify({
        vendors: [{ id: "acme2", catalog: "names.json", adapter: "./plugin.mjs", out: "out/acme2" }],
      }),
    });
    const result = await generate({ root });
    expect(result.vendors.map((v) => v.id)).toEqual(["acme", "acme2"]);
    expect(result.changes.some((c) => c.path === "sub/out/acme2/src/operations.gen.ts")).toBe(true);
    expect(readTree(join(root, "sub/out/acme2/src"))["operations.gen.ts"]).toContain(
      "export const subThing = /* @__PURE__ */ _op<",
    );
    expect((await generate({ root, check: true })).changes).toEqual([]);
  });

  it("names a plugin that cannot be loaded", async () => {
    const root = tempRoot({
      "package.json": "{}",
      "gen.config.json": JSON.stringify({ plugins: ["./missing.mjs"], vendors: [] }),
    });
    await expect(generate({ root })).rejects.toThrow(/plugins\[0\].*cannot load plugin "\.\/missing\.mjs"/s);
  });
});
