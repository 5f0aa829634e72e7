import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../src/generate.js";
import { copyFixture, genConfig, readTree, tempRoot } from "./helpers/temp-root.js";

function syncRoot(): string {
  const root = tempRoot({
    "gen.config.json": genConfig([
      { id: "syncvendor", catalog: "catalogs/sync-vendor/openapi.yaml", adapter: "openapi" },
      { id: "later", catalog: "catalogs/later/openapi.yaml", adapter: "openapi" },
    ]),
  });
  copyFixture(root, "sync-vendor");
  return root;
}

describe("generate", () => {
  it("is deterministic: two runs give the same bytes", async () => {
    const a = syncRoot();
    const b = syncRoot();
    await generate({ root: a });
    await generate({ root: b });
    const treeA = readTree(join(a, "packages"));
    expect(Object.keys(treeA).length).toBeGreaterThan(8);
    expect(readTree(join(b, "packages"))).toEqual(treeA);
    const again = await generate({ root: a });
    expect(again.changes).toEqual([]);
  });

  it("skips vendors whose catalog does not exist yet, with a warning", async () => {
    const result = await generate({ root: syncRoot() });
    expect(result.skipped).toEqual(["later"]);
    expect(
      result.warnings.some((w) => w.code === "missing-catalog" && w.file === "catalogs/later/openapi.yaml"),
    ).toBe(true);
  });

  it("check mode reports stale files and writes nothing", async () => {
    const root = syncRoot();
    const fresh = await generate({ root, check: true });
    expect(fresh.changes.map((c) => c.action)).toContain("create");
    expect(existsSync(join(root, "packages/syncvendor"))).toBe(false);
    await generate({ root });
    expect((await generate({ root, check: true })).changes).toEqual([]);
    const ops = join(root, "packages/syncvendor/src/operations.gen.ts");
    writeFileSync(ops, readFileSync(ops, "utf8") + "// drift\n");
    const stale = await generate({ root, check: true });
    expect(stale.changes).toEqual([
      { path: "packages/syncvendor/src/operations.gen.ts", action: "update", content: expect.any(String) },
    ]);
  });

  it("never touches hand-written files, seeds index.ts once, deletes stale .gen.ts", async () => {
    const root = syncRoot();
    await generate({ root });
    const dir = join(root, "packages/syncvendor");
    expect(readFileSync(join(dir, "src/index.ts"), "utf8")).toBe(`export * from "./index.gen.js";\n`);
    writeFileSync(join(dir, "src/index.ts"), `export * from "./index.gen.js";\nexport const extra = 1;\n`);
    writeFileSync(join(dir, "src/custom-logic.ts"), "export const x = 1;\n");
    writeFileSync(join(dir, "src/old-thing.gen.ts"), "// stale\n");
    const result = await generate({ root });
    expect(result.changes.map((c) => `${c.action} ${c.path}`)).toEqual([
      "delete packages/syncvendor/src/old-thing.gen.ts",
    ]);
    expect(existsSync(join(dir, "src/old-thing.gen.ts"))).toBe(false);
    expect(readFileSync(join(dir, "src/custom-logic.ts"), "utf8")).toBe("export const x = 1;\n");
    expect(readFileSync(join(dir, "src/index.ts"), "utf8")).toContain("extra");
  });

  it("generates only the vendor asked for, and rejects an unknown one", async () => {
    const root = syncRoot();
    copyFixture(root, "tasks-vendor");
    writeFileSync(
      join(root, "gen.config.json"),
      genConfig([
        { id: "syncvendor", catalog: "catalogs/sync-vendor/openapi.yaml", adapter: "openapi" },
        { id: "tasksvendor", catalog: "catalogs/tasks-vendor/openapi.yaml", adapter: "openapi" },
      ]),
    );
    await generate({ root, vendor: "tasksvendor" });
    expect(existsSync(join(root, "packages/tasksvendor/src/client.gen.ts"))).toBe(true);
    expect(existsSync(join(root, "packages/syncvendor"))).toBe(false);
    await expect(generate({ root, vendor: "nope" })).rejects.toThrow(/no vendor "nope"/);
  });

  it("turns the shipped Media.io catalog into 24 operations with stable names and aliases", async () => {
    const root = tempRoot({
      "catalogs/mediaio/c_api_doc_detail.json": readFileSync(
        join(import.meta.dirname, "../../../catalogs/mediaio/c_api_doc_detail.json"),
        "utf8",
      ),
      "catalogs/mediaio/overlay.yaml": readFileSync(
        join(import.meta.dirname, "../../../catalogs/mediaio/overlay.yaml"),
        "utf8",
      ),
      "gen.config.json": genConfig([
        {
          id: "mediaio",
          catalog: "catalogs/mediaio/c_api_doc_detail.json",
          adapter: "mediaio",
          options: { overlay: "overlay.yaml" },
          shipModel: true,
        },
      ]),
    });
    const result = await generate({ root, check: true });
    expect(result.vendors[0]?.operations).toBe(24);
    const stats = result.vendors[0]?.stats ?? {};
    expect(stats.constraintsExtracted).toBeGreaterThan(100);
    expect(result.warnings.filter((w) => w.code === "prose-not-understood").length).toBe(
      stats.proseNotUnderstood,
    );
    const model = JSON.parse(
      result.changes.find((c) => c.path.endsWith("openapi.gen.json"))?.content ?? "{}",
    );
    const ops = Object.values(
      model.paths as Record<
        string,
        Record<string, { operationId: string; "x-gen-operation": { name: string; aliases: string[] } }>
      >,
    ).flatMap((item) => Object.values(item));
    const credits = ops.find((o) => o["x-gen-operation"].name === "Credits");
    expect(credits?.operationId).toBe("userCredits");
    expect(credits?.["x-gen-operation"].aliases).toEqual(["user-credits", "196"]);
    expect(new Set(ops.map((o) => o.operationId)).size).toBe(24);
    expect(model["x-gen-request"]).toEqual({ bodyWrapper: "data" });
    expect(model.paths["/generation/result/{task_id}"].post.parameters[0]).toMatchObject({
      name: "task_id",
      in: "path",
    });
  });
});
