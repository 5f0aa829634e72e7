import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createMediaio } from "../src/index.js";
import { useMediaioSimulator } from "./helpers/mediaio-simulator.js";

const harness = useMediaioSimulator();
const client = harness.client;

describe("against the Media.io simulator", () => {
  it("creates, waits, reads the result and downloads it", async () => {
    const task = await client().t2iImagen4({ prompt: "a lighthouse at dawn", ratio: "16:9" });
    const result = await task.wait({ minDelayMs: 5, maxDelayMs: 20 });
    const url = result[0]?.preview;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    const dir = mkdtempSync(join(tmpdir(), "mediaio-e2e-"));
    const file = await client().runtime.download(url as string, dir);
    expect(file.bytes).toBeGreaterThan(0);
    expect(readFileSync(file.path).length).toBe(file.bytes);
  });

  it("calls by catalog name and reads credits", async () => {
    const out = (await client().call("Credits", {})) as { credits?: number };
    expect(typeof out.credits).toBe("number");
  });

  it("surfaces a bad key as an authentication error", async () => {
    const bad = createMediaio({
      baseUrl: harness.sim().baseUrl,
      apiKey: "wrong",
      allowInsecureLoopback: true,
    });
    await expect(bad.userCredits({})).rejects.toMatchObject({ kind: "authentication" });
  });
});
