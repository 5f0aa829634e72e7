/**
 * The published shape, the way an app developer meets it: `npm pack` of the runtime, every vendor
 * package, the simulator, the spec and the CLI, then plain `npm install` of those tarballs into an
 * empty folder (zod, undici, ajv, yaml come from the npm registry by their ranges). Proves: no
 * `workspace:` protocol survives packing; `gen call` / `gen mock` install without the generator
 * toolchain (no @gen/codegen, typescript, ts-morph, esbuild); a call from the installed packages
 * reaches a simulator started by the installed `gen mock`; errors keep their class names when
 * bundled; engines names the Node releases whose `require()` loads the packages, and it does. Builds a package's dist/ first when it is missing (CI builds before testing).
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const PACKAGES = [
  "spec",
  "runtime",
  "mediaio",
  "tomoviee",
  "edrawmax",
  "ima",
  "simulator",
  "studio",
  "mcp",
  "batch",
  "cli",
];
const work = mkdtempSync(join(tmpdir(), "gen-pack-"));
const app = join(work, "app");
let mock: ChildProcess | undefined;

const npm = (args: string[], cwd: string) =>
  execFileSync("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });

beforeAll(() => {
  const tarballs: string[] = [];
  for (const name of PACKAGES) {
    const dir = join(ROOT, "packages", name);
    if (!existsSync(join(dir, "dist", "index.js")))
      execFileSync(process.execPath, [join(ROOT, "scripts/build-package.mjs")], {
        cwd: dir,
        stdio: "ignore",
      });
    const [packed] = JSON.parse(npm(["pack", "--json", "--pack-destination", work], dir)) as Array<{
      filename: string;
    }>;
    tarballs.push(join(work, packed!.filename));
  }
  execFileSync("mkdir", ["-p", app]);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  npm(["install", "--prefer-offline", ...tarballs], app);
}, 600_000);

afterAll(() => {
  mock?.kill();
  rmSync(work, { recursive: true, force: true });
});

describe("npm pack + npm install into an empty folder", () => {
  it("packs semver ranges, never the workspace protocol", () => {
    for (const name of PACKAGES) {
      const pkg = readFileSync(join(app, "node_modules/@gen", name, "package.json"), "utf8");
      expect(pkg, name).not.toContain("workspace:");
    }
    const mediaio = JSON.parse(readFileSync(join(app, "node_modules/@gen/mediaio/package.json"), "utf8"));
    expect(mediaio.dependencies).toEqual({ "@gen/runtime": "^0.1.0", zod: expect.stringMatching(/^\^4\./) });
  });

  it("says which Node it needs, and require() loads every package there from CommonJS", () => {
    // engines names the releases whose require() loads ES modules (unflagged in 20.19 and 22.12).
    const engines = "^20.19.0 || >=22.12.0";
    for (const name of PACKAGES) {
      const pkg = JSON.parse(readFileSync(join(app, "node_modules/@gen", name, "package.json"), "utf8"));
      expect(pkg.engines, name).toEqual({ node: engines });
    }
    const [major, minor] = process.versions.node.split(".").map(Number) as [number, number];
    expect(
      major === 20 ? minor >= 19 : major >= 22 && (major > 22 || minor >= 12),
      "this Node is in range",
    ).toBe(true);
    const libraries = PACKAGES.filter((name) => name !== "cli");
    writeFileSync(
      join(app, "require.cjs"),
      `const loaded = {};
for (const name of ${JSON.stringify(libraries)}) loaded[name] = Object.keys(require("@gen/" + name)).length;
const { createMediaio } = require("@gen/mediaio");
const { InvalidRequestError } = require("@gen/runtime");
import("@gen/runtime").then((esm) => {
  console.log(JSON.stringify({ loaded, client: typeof createMediaio, sameClass: esm.InvalidRequestError === InvalidRequestError }));
});
`,
    );
    const r = spawnSync(process.execPath, ["require.cjs"], { cwd: app, encoding: "utf8" });
    expect(r.stderr).toBe("");
    const got = JSON.parse(r.stdout) as {
      loaded: Record<string, number>;
      client: string;
      sameClass: boolean;
    };
    for (const name of libraries) expect(got.loaded[name], name).toBeGreaterThan(0);
    expect(got.client).toBe("function");
    // one copy of each class whichever way it is loaded: instanceof holds across require and import
    expect(got.sameClass).toBe(true);
  });

  it("installs the CLI without the generator toolchain", () => {
    const installed = readdirSync(join(app, "node_modules"));
    for (const heavy of ["typescript", "ts-morph", "esbuild", "openapi-typescript"])
      expect(installed, heavy).not.toContain(heavy);
    expect(existsSync(join(app, "node_modules/@gen/codegen"))).toBe(false);
    const r = spawnGen(["generate"]);
    expect(r.status).toBe(8);
    expect(r.stderr).toContain("npm install --save-dev @gen/codegen");
  });

  it("calls a simulator started by the installed `gen mock`, from the installed SDK", async () => {
    mock = spawn(process.execPath, [join(app, "node_modules/.bin/gen"), "mock", "mediaio", "--json"], {
      cwd: app,
      stdio: ["ignore", "pipe", "inherit"],
    });
    const lines = createInterface({ input: mock.stdout! });
    let env: Record<string, string> = {};
    for await (const line of lines) {
      const event = JSON.parse(line) as { type: string; env?: Record<string, string> };
      if (event.type === "simulator") env = event.env!;
      if (event.type === "ready") break;
    }
    writeFileSync(
      join(app, "call.mjs"),
      `import { inspect } from "node:util";
import { createMediaio } from "@gen/mediaio";
const mediaio = createMediaio({ apiKey: process.env.MEDIAIO_API_KEY, baseUrl: process.env.GEN_MEDIAIO_BASE_URL, allowInsecureLoopback: true });
const task = await mediaio.t2vWanV26({ prompt: "a red fox running through snow", size: "16:9" });
const result = await task.wait({ minDelayMs: 1, maxDelayMs: 20 });
let error;
await mediaio.t2vWanV26({ prompt: "x", size: "1:7" }).catch((e) => (error = e));
console.log(JSON.stringify({ taskId: task.taskId, result, inspected: inspect(error).split("\\n")[0] }));
`,
    );
    const out = execFileSync(process.execPath, ["call.mjs"], {
      cwd: app,
      encoding: "utf8",
      env: { ...process.env, ...env },
    });
    const got = JSON.parse(out) as { taskId: string; result: unknown; inspected: string };
    expect(got.taskId).toMatch(/\S/);
    expect(JSON.stringify(got.result)).toMatch(/http:\/\/127\.0\.0\.1:\d+\//);
    expect(got.inspected).toMatch(/^InvalidRequestError: Invalid input: size/);
    // the installed `gen call`, with nothing but the printed environment lines
    const call = spawnGen(
      ["call", "mediaio", "t2v-wan-v2-6", "--set", "prompt=a fox", "--wait", "--poll-ms", "20"],
      env,
    );
    expect(call.stderr).toBe("");
    expect(call.stdout).toMatch(/^url: http:\/\/127\.0\.0\.1:\d+\//m);
  });
});

function spawnGen(args: string[], env: Record<string, string> = {}) {
  try {
    const stdout = execFileSync(process.execPath, [join(app, "node_modules/.bin/gen"), ...args], {
      cwd: app,
      env: { ...process.env, ...env },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { status: 0, stdout, stderr: "" };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { status: err.status, stdout: err.stdout, stderr: err.stderr };
  }
}
