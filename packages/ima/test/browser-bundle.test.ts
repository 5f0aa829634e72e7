import { build } from "esbuild";
import { describe, expect, it } from "vitest";

describe("browser bundle", () => {
  it("the whole @gen/ima entry bundles for the browser with no node: module", async () => {
    const result = await build({
      entryPoints: [new URL("../src/index.ts", import.meta.url).pathname],
      bundle: true,
      platform: "browser",
      format: "esm",
      conditions: ["@gen/source", "browser"],
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((i) => i.endsWith("upload-file.ts"))).toBe(true);
    expect(inputs.some((i) => i.endsWith("local-file-browser.ts"))).toBe(true);
    expect(inputs.filter((i) => i.startsWith("node:") || i.endsWith("local-file-node.ts"))).toEqual([]);
    expect(result.outputFiles[0]!.text).not.toMatch(/(from\s*|import\(\s*|require\(\s*)["']node:/);
  });
});
