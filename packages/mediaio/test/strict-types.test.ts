/**
 * The README quickstart compiles in an app with the strictest common settings
 * (`exactOptionalPropertyTypes`), and `call()` is typed by operation name: the TypeScript compiler
 * itself runs over small app files and the test reads its diagnostics.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(import.meta.dirname, ".tmp-strict-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function diagnostics(source: string): string[] {
  const file = join(dir, `app-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, source);
  const program = ts.createProgram([file], {
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    customConditions: ["@gen/source"],
    types: ["node"],
    skipLibCheck: true,
    noEmit: true,
  });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === file)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("types in a strict app", () => {
  it("compiles the README quickstart under exactOptionalPropertyTypes", () => {
    const errors = diagnostics(`
import { createMediaio } from "@gen/mediaio";
const mediaio = createMediaio({ apiKey: process.env.MEDIAIO_API_KEY, baseUrl: process.env.GEN_MEDIAIO_BASE_URL });
export async function run() {
  const task = await mediaio.t2vWanV26({ prompt: "a red fox running through snow", size: "16:9" });
  const result = await task.wait({ onProgress: (p) => console.log(p.progress), timeoutMs: undefined });
  const same = await mediaio.call("Wan 2.6 (Text To Video)", { prompt: "..." });
  const handle: string = same.taskId;
  const file = await mediaio.download(String(result[0]?.preview), "out");
  return [handle, file.path];
}
`);
    expect(errors).toEqual([]);
  }, 60_000);

  it("types call() by name: a wrong input for a known name does not compile", () => {
    const errors = diagnostics(`
import { createMediaio } from "@gen/mediaio";
const mediaio = createMediaio();
export const bad = mediaio.call("Wan 2.6 (Text To Video)", { prompt: 42 });
export const unknownName: Promise<unknown> = mediaio.call("some-future-op", { anything: true });
`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/'number' is not assignable to type 'string'/);
  }, 60_000);
});
