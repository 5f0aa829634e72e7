import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitPackage } from "../src/emit/emit-package.js";
import type { GenVendorConfig } from "../src/gen-config.js";
import { loadVendorModel } from "../src/load-vendor-model.js";

const FIXTURES = join(import.meta.dirname, "__fixtures__");

const scenarios: GenVendorConfig[] = [
  {
    id: "tasksvendor",
    catalog: "tasks-vendor/openapi.yaml",
    adapter: "openapi",
    out: "packages/tasksvendor",
  },
  { id: "syncvendor", catalog: "sync-vendor/openapi.yaml", adapter: "openapi", out: "packages/syncvendor" },
  {
    id: "mediaio",
    catalog: "mini-mediaio/c_api_doc_detail.json",
    adapter: "mediaio",
    out: "packages/mediaio",
    options: { overlay: "overlay.yaml" },
  },
];

describe("generator snapshots", () => {
  it.each(scenarios)("$catalog", async (vendor) => {
    const loaded = await loadVendorModel(FIXTURES, vendor);
    expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const { files, seeds, model } = await emitPackage({
      model: loaded.model,
      catalog: vendor.catalog,
      outDir: vendor.out,
    });
    const dir = vendor.catalog.split("/")[0] as string;
    // The model is not in the package by default (gen.config `shipModel`), but still reviewed here.
    expect(files.has("openapi.gen.json")).toBe(false);
    const written: Array<[string, string]> = [...files, ["openapi.gen.json", model], ...seeds];
    for (const [path, text] of written) {
      await expect(text).toMatchFileSnapshot(join("__snapshots__", dir, path.replace(/\.ts$/, ".ts.snap")));
    }
  });
});
