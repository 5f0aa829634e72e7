import { build } from "esbuild";
import { describe, expect, it } from "vitest";

describe("browser bundle", () => {
  it("createVendorClient pulls no node: module or undici, even with dynamic chunks", async () => {
    const result = await build({
      stdin: {
        contents: 'import { createVendorClient } from "./src/index.ts"; export const c = createVendorClient;',
        resolveDir: new URL("..", import.meta.url).pathname,
        loader: "ts",
      },
      bundle: true,
      platform: "browser",
      format: "esm",
      conditions: ["@gen/source", "browser"],
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((i) => i.includes("create-vendor-client"))).toBe(true);
    expect(
      inputs.filter((i) => i.startsWith("node:") || i.includes("undici") || i.includes("write-file-node")),
    ).toEqual([]);
    expect(result.outputFiles[0]!.text).not.toMatch(/from\s*["']node:/);
  });
});
