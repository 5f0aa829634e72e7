/**
 * docs/using-the-sdk.md: every `ts` block compiles in a strict app (exactOptionalPropertyTypes)
 * and runs, in order, against a Media.io simulator with the environment `gen mock` prints.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startSimulator } from "@gen/simulator";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ROOT } from "./helpers/run-gen.js";

const doc = readFileSync(join(ROOT, "docs/using-the-sdk.md"), "utf8");
const blocks = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);
const dir = mkdtempSync(join(import.meta.dirname, ".tmp-doc-"));
const files = blocks.map((code, i) => {
  const file = join(dir, `snippet-${i}.ts`);
  writeFileSync(file, `${code}\nexport {};\n`);
  return file;
});

let sim: Awaited<ReturnType<typeof startSimulator>>;
const saved = { ...process.env };
beforeAll(async () => {
  sim = await startSimulator({
    modelPath: join(ROOT, "packages/mediaio/openapi.gen.json"),
    taskDurationMs: 20,
  });
  process.env.MEDIAIO_API_KEY = String(sim.credentials.apiKey);
  process.env.GEN_MEDIAIO_BASE_URL = sim.baseUrl;
});
afterAll(async () => {
  process.env = saved;
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("docs/using-the-sdk.md", () => {
  it("has a snippet for simulators, options, hooks, errors, downloads, resume and proxy", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(7);
    for (const topic of [
      "gen mock",
      "hooks",
      "InvalidRequestError",
      "download(",
      "downloadBytes(",
      "resume(",
      "agentFromEnv",
    ])
      expect(doc).toContain(topic);
  });

  it("every snippet compiles under exactOptionalPropertyTypes", () => {
    const program = ts.createProgram(files, {
      strict: true,
      exactOptionalPropertyTypes: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      customConditions: ["@gen/source"],
      types: ["node"],
      skipLibCheck: true,
      noEmit: true,
    });
    const errors = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file && files.includes(d.file.fileName))
      .map((d) => `${d.file?.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    expect(errors).toEqual([]);
  }, 120_000);

  it("every snippet runs against the simulator", async () => {
    const printed: string[] = [];
    const spies = (["log", "debug", "info", "warn", "error"] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        printed.push(args.map(String).join(" "));
      }),
    );
    try {
      for (const file of files) await import(file);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const out = printed.join("\n");
    expect(out).toContain(`${sim.baseUrl}/`); // a result URL from the simulator
    expect(out).toContain("[redacted]");
    expect(out).not.toContain(String(sim.credentials.apiKey));
    expect(out).toMatch(/size .*rule|Invalid input: size/);
    expect(out).toMatch(/renders-.*\d+ image\//);
    expect(out).toContain("succeeded");
    expect(out).toMatch(/^true$/m); // the Blob of downloadBytes has the file's size
    expect(out).not.toMatch(/^false$/m);
  }, 60_000);
});
