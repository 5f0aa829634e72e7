import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../src/generate.js";
import { rawLoopbackServer } from "./helpers/raw-loopback-server.js";

const REPO_ROOT = join(import.meta.dirname, "..", "..", "..");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

/**
 * An outside vendor's package (generated in a folder outside this repository, from an OpenAPI
 * file plus its overlay) builds with its own tsconfig, packs, installs with plain npm in an empty
 * folder next to a packed @gen/runtime, and runs a call against a loopback server. Needs the npm
 * registry (zod, tsup, typescript).
 */
describe("a package generated for an outside vendor", { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), "gen-standalone-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (cwd: string, ...args: string[]) =>
    execFileSync(NPM, args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        npm_config_fund: "false",
        npm_config_audit: "false",
        npm_config_update_notifier: "false",
      },
    });

  it("builds, packs, installs with npm in an empty folder and calls the API", async () => {
    mkdirSync(join(dir, "catalogs"));
    cpSync(join(import.meta.dirname, "fixtures/media31"), join(dir, "catalogs/media31"), { recursive: true });
    writeFileSync(
      join(dir, "gen.config.json"),
      JSON.stringify({
        vendors: [
          { id: "media31", catalog: "catalogs/media31/openapi.yaml", adapter: "openapi", out: "media31" },
        ],
      }),
    );
    await generate({ root: dir });
    const pkg = JSON.parse(readFileSync(join(dir, "media31/package.json"), "utf8"));
    expect(pkg.dependencies).toEqual({ "@gen/runtime": "^0.1.0", zod: "^4.6.7" });
    expect(readFileSync(join(dir, "media31/tsconfig.json"), "utf8")).not.toContain("extends");

    // @gen/runtime as a user would get it: built (unless `pnpm build` already did, as in CI:
    // rebuilding would empty dist/ under other tests) and packed.
    // @gen/spec comes along: the runtime's plan types are spec's (a type-only dependency).
    for (const name of ["spec", "runtime"]) {
      if (!existsSync(join(REPO_ROOT, `packages/${name}/dist/index.js`))) {
        // The package's own build (JS and declarations), as `pnpm build` runs it.
        execFileSync(process.execPath, [join(REPO_ROOT, "scripts/build-package.mjs")], {
          cwd: join(REPO_ROOT, `packages/${name}`),
          stdio: "ignore",
        });
      }
      run(join(REPO_ROOT, `packages/${name}`), "pack", "--pack-destination", dir);
    }

    const out = join(dir, "media31");
    run(out, "install", "--no-save", "../gen-spec-0.1.0.tgz", "../gen-runtime-0.1.0.tgz");
    run(out, "run", "build");
    run(out, "exec", "--", "tsc", "-p", "tsconfig.json");
    run(out, "pack", "--pack-destination", dir);

    const app = join(dir, "app");
    mkdirSync(app);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
    run(app, "install", "../gen-spec-0.1.0.tgz", "../gen-runtime-0.1.0.tgz", "../gen-media31-0.1.0.tgz");
    writeFileSync(
      join(app, "call.mjs"),
      `import { createMedia31 } from "@gen/media31";
const client = createMedia31({ apiKey: "k-1", baseUrl: process.argv[2], allowInsecureLoopback: true });
console.log(JSON.stringify(await client.createGeneration({ mode: "text_to_image", prompt: "fox" })));`,
    );
    const server = await rawLoopbackServer(() => ({ status: 200, body: { id: "g1", seed: 3 } }));
    try {
      const { execFile } = await import("node:child_process");
      const stdout = await new Promise<string>((resolve, reject) =>
        execFile(process.execPath, ["call.mjs", server.baseUrl], { cwd: app }, (e, so) =>
          e ? reject(e) : resolve(so),
        ),
      );
      expect(JSON.parse(stdout)).toEqual({ id: "g1", seed: 3 });
      const req = server.requests[0]!;
      expect([
        req.method,
        req.url,
        req.headers.authorization,
        req.headers["x-api-version"],
        req.body.toString(),
      ]).toEqual([
        "POST",
        "/v1/generations",
        "Key k-1",
        "2025-01-01",
        '{"mode":"text_to_image","prompt":"fox"}',
      ]);
    } finally {
      await server.close();
    }
  });
});
