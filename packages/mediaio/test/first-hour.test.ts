/**
 * A new user's first calls against a simulator: the environment lines `gen mock` prints are
 * enough (no baseUrl / allowInsecureLoopback in code), `client.download(url, dir)` exists on the
 * vendor client, and a loopback baseUrl without the opt-in names the option to set.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HostNotAllowedError, InvalidResponseError } from "@gen/runtime";
import { startSimulator } from "@gen/simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMediaio } from "../src/index.js";

let sim: Awaited<ReturnType<typeof startSimulator>>;
const dir = mkdtempSync(join(tmpdir(), "mediaio-first-hour-"));
beforeAll(async () => {
  sim = await startSimulator({
    modelPath: join(import.meta.dirname, "../openapi.gen.json"),
    taskDurationMs: 30,
  });
});
afterAll(async () => {
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The environment `gen mock` prints for Media.io. */
const mockEnv = () => ({
  MEDIAIO_API_KEY: String(sim.credentials.apiKey),
  GEN_MEDIAIO_BASE_URL: sim.baseUrl,
});

describe("first hour with the Media.io SDK", () => {
  it("honours GEN_MEDIAIO_BASE_URL (loopback: no opt-in needed) and downloads through client.download", async () => {
    const mediaio = createMediaio({ env: mockEnv() });
    const task = await mediaio.t2iImagen4({ prompt: "a lighthouse at dawn", ratio: "16:9" });
    const result = await task.wait({ minDelayMs: 5, maxDelayMs: 20 });
    const url = result[0]?.preview as string;
    expect(url.startsWith(`http://127.0.0.1:`)).toBe(true);
    const file = await mediaio.download(url, dir);
    expect(file.bytes).toBeGreaterThan(0);
    expect(readFileSync(file.path).length).toBe(file.bytes);
  });

  it("downloadBytes reads a result into memory (a Blob in the browser), with maxBytes", async () => {
    const mediaio = createMediaio({ env: mockEnv() });
    const task = await mediaio.t2iImagen4({ prompt: "a lighthouse at dawn", ratio: "16:9" });
    const url = (await task.wait({ minDelayMs: 5, maxDelayMs: 20 }))[0]?.preview as string;
    const got = await mediaio.downloadBytes(url);
    const file = await mediaio.download(url, dir);
    expect(Buffer.from(got.bytes).equals(readFileSync(file.path))).toBe(true);
    expect(new Blob([got.bytes], { type: got.contentType }).size).toBe(file.bytes);
    expect(got.contentType).toMatch(/^image\//);
    await expect(mediaio.downloadBytes(url, { maxBytes: 8 })).rejects.toBeInstanceOf(InvalidResponseError);
    await expect(mediaio.downloadBytes("https://attacker.example/x.png")).rejects.toBeInstanceOf(
      HostNotAllowedError,
    );
  });

  it("an explicit baseUrl wins over the environment", async () => {
    const mediaio = createMediaio({ env: mockEnv(), baseUrl: "https://openapi.media.io.invalid" });
    await expect(mediaio.userCredits({})).rejects.toBeInstanceOf(HostNotAllowedError);
  });

  it("a non-loopback http GEN_MEDIAIO_BASE_URL is still refused by the host policy", async () => {
    const mediaio = createMediaio({ env: { ...mockEnv(), GEN_MEDIAIO_BASE_URL: "http://example.com" } });
    await expect(mediaio.userCredits({})).rejects.toThrow(/scheme http: not allowed/);
  });

  it("a loopback baseUrl without the opt-in names allowInsecureLoopback", async () => {
    const mediaio = createMediaio({ apiKey: "k", baseUrl: sim.baseUrl, env: {} });
    const error = await mediaio.userCredits({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostNotAllowedError);
    expect((error as Error).message).toContain("allowInsecureLoopback: true");
  });

  it("download refuses a host off the vendor's list before any request", async () => {
    const mediaio = createMediaio({ env: mockEnv() });
    await expect(mediaio.download("https://attacker.example/x.png", dir)).rejects.toBeInstanceOf(
      HostNotAllowedError,
    );
  });
});
