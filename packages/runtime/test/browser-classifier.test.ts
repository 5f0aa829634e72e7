import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { classifyNetworkError } from "../src/classify-network-error.browser.js";
import { NetworkError, TimeoutError } from "../src/errors/index.js";

async function bundle(platform: "browser" | "node"): Promise<string> {
  const result = await build({
    stdin: {
      contents: 'import { createVendorCore } from "./src/index.ts"; export const c = createVendorCore;',
      resolveDir: new URL("..", import.meta.url).pathname,
      loader: "ts",
    },
    bundle: true,
    platform,
    format: "esm",
    conditions: ["@gen/source", platform],
    external: ["node:*", "undici"],
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

describe("browser network-error classification", () => {
  it("leaves the Node/undici error-code table out of browser bundles only", async () => {
    const [browser, node] = await Promise.all([bundle("browser"), bundle("node")]);
    expect(browser).not.toContain("ECONNREFUSED");
    expect(node).toContain("ECONNREFUSED");
  });

  it("keeps the abort reason and reports other failures as sent", () => {
    const request = (signal: AbortSignal) => ({
      url: "https://api.acme.test/v1/x?key=secret",
      method: "POST" as const,
      headers: {},
      signal,
    });
    const timeout = new TimeoutError("late");
    const controller = new AbortController();
    controller.abort(timeout);
    expect(classifyNetworkError(new TypeError("Failed to fetch"), request(controller.signal))).toBe(timeout);
    const error = classifyNetworkError(
      new TypeError("Failed to fetch"),
      request(new AbortController().signal),
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).sent).toBe(true);
    expect(error.message).toBe("POST https://api.acme.test/v1/x failed: network error");
  });
});
