import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { defaultTransport, defaultTransportKind } from "#default-transport";

const srcDir = fileURLToPath(new URL(".", import.meta.url));

async function bundle(platform: "browser" | "node"): Promise<string> {
  const result = await build({
    stdin: { contents: 'export * from "./index.ts";', resolveDir: srcDir, loader: "ts" },
    bundle: true,
    write: false,
    format: "esm",
    platform,
    conditions: ["@gen/source"],
    external: ["node:*"],
    logLevel: "silent",
  });
  return result.outputFiles.map((file) => file.text).join("\n");
}

describe("#default-transport", () => {
  it("resolves to the undici variant under vitest (node + @gen/source conditions)", () => {
    expect(defaultTransportKind).toBe("undici");
    expect(typeof defaultTransport).toBe("function");
  });

  it("keeps undici out of a browser bundle of the runtime entry and uses it for node", async () => {
    const [browser, node] = await Promise.all([bundle("browser"), bundle("node")]);
    expect(browser).not.toMatch(/undici/i);
    expect(browser).toContain('defaultTransportKind = "fetch"');
    expect(node).toMatch(/undici/);
    expect(node).toContain('defaultTransportKind = "undici"');
  });

  it("reaches the fetch transport on node only through a dynamic import (for options.fetch)", async () => {
    const result = await build({
      stdin: {
        contents: 'export { createVendorClient } from "./create-vendor-client.ts";',
        resolveDir: srcDir,
        loader: "ts",
      },
      bundle: true,
      write: false,
      format: "esm",
      platform: "node",
      conditions: ["@gen/source", "node"],
      external: ["undici"],
      metafile: true,
      logLevel: "silent",
    });
    const imports = Object.entries(result.metafile.inputs).flatMap(([from, input]) =>
      input.imports
        .filter((i) => basename(i.path) === "fetch-transport.ts")
        .map((i) => [basename(from), i.kind]),
    );
    expect(imports).toEqual([["lazy-fetch-transport.ts", "dynamic-import"]]);
  });
});
