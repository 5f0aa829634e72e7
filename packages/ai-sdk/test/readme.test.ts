import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Simulator, startSimulator } from "@gen/simulator";
import { afterAll, beforeAll, expect, it } from "vitest";

const PACKAGE = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const README = join(PACKAGE, "../../README.md");
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
let sims: Simulator[] = [];

beforeAll(async () => {
  sims = await Promise.all(
    ["mediaio", "ima"].map((vendor) => startSimulator({ vendor, taskDurationMs: 50 })),
  );
});
afterAll(() => Promise.all(sims.map((s) => s.close())));

/** The first ```ts block of a README section. */
async function sectionScript(heading: string): Promise<string> {
  const text = await readFile(README, "utf8");
  const section = text.slice(text.indexOf(`## ${heading}\n`));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (!match?.[1]) throw new Error(`no ts block under "${heading}"`);
  return match[1];
}

it("the README's 'Use with the AI SDK' script runs as written against the simulators", {
  timeout: 60_000,
}, async () => {
  const [mediaio, ima] = sims as [Simulator, Simulator];
  const script = join(PACKAGE, `.readme-${process.pid}.tmp.ts`);
  const cwd = await mkdtemp(join(tmpdir(), "gen-readme-"));
  await writeFile(script, await sectionScript("Use with the AI SDK"));
  try {
    const env = {
      PATH: process.env.PATH ?? "",
      MEDIAIO_API_KEY: mediaio.credentials.apiKey ?? "",
      IMA_API_KEY: ima.credentials.apiKey ?? "",
      GEN_MEDIAIO_BASE_URL: mediaio.baseUrl,
      GEN_IMA_BASE_URL: ima.baseUrl,
      AI_SDK_LOG_WARNINGS: "false",
    };
    const child = spawn(process.execPath, ["--conditions=@gen/source", "--import", TSX, script], {
      cwd,
      env,
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const code = await new Promise((r) => child.once("exit", r));
    expect(out).toContain("wrote lighthouse.png and waves.mp4");
    expect(code).toBe(0);
    expect((await stat(join(cwd, "lighthouse.png"))).size).toBeGreaterThan(0);
    expect((await stat(join(cwd, "waves.mp4"))).size).toBeGreaterThan(0);
  } finally {
    await rm(script, { force: true });
    await rm(cwd, { recursive: true, force: true });
  }
});
