import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, runGen } from "./helpers/run-gen.js";

const FIXTURES = join(ROOT, "packages/codegen/test/fixtures");

/**
 * README "Adding a vendor", followed literally in a fresh project: drop the vendor's OpenAPI file
 * in catalogs/<id>/, run `gen generate --vendor <id>`. A file without servers fails naming the
 * fix; the overlay beside it supplies what it lacks; warnings come grouped; --strict refuses
 * dropped or weakened constructs.
 */
describe("gen generate --vendor <new id>", { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(ROOT, "packages/cli/.tmp-add-vendor-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, "gen.config.json"), `${JSON.stringify({ vendors: [] }, null, 2)}\n`);
  const base = relative(dir, join(ROOT, "tsconfig.base.json")).split("\\").join("/");
  writeFileSync(join(dir, "tsconfig.base.json"), JSON.stringify({ extends: base }));
  mkdirSync(join(dir, "catalogs/media31"), { recursive: true });
  cpSync(join(FIXTURES, "media31/openapi.yaml"), join(dir, "catalogs/media31/openapi.yaml"));

  it("names the fix when the file has no servers, and an unknown id names both ways in", async () => {
    const r = await runGen(["generate", "--vendor", "media31"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('registered vendor "media31" in gen.config.json');
    expect(r.stdout).toMatch(/\[missing-server\].*overlay\.yaml.*servers.*options\.baseUrl/);
    expect(r.stdout).toContain("nothing was written");
    const unknown = await runGen(["generate", "--vendor", "nope"], { cwd: dir });
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toMatch(/no vendor "nope".*catalogs\/nope\/openapi\.yaml.*gen\.config\.json/);
  });

  it("generates once the overlay adds what the file lacks, with warnings grouped by kind", async () => {
    cpSync(join(FIXTURES, "media31/overlay.yaml"), join(dir, "catalogs/media31/overlay.yaml"));
    const r = await runGen(["generate", "--vendor", "media31"], { cwd: dir });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain("media31: 12 operation(s)");
    expect(r.stdout).toMatch(
      /^warning \[default-x-gen-operation\] x10 \(default, --verbose lists them\): fix: /m,
    );
    expect(r.stdout).not.toMatch(/^warning .*POST \/v1\/generations/m);
    const config = JSON.parse(readFileSync(join(dir, "gen.config.json"), "utf8"));
    expect(config.vendors).toEqual([
      {
        id: "media31",
        catalog: "catalogs/media31/openapi.yaml",
        adapter: "openapi",
        out: "packages/media31",
      },
    ]);
    expect(readFileSync(join(dir, "packages/media31/src/vendor.gen.ts"), "utf8")).toContain(
      '"prefix": "Key "',
    );
    const check = await runGen(["generate", "--check", "--strict"], { cwd: dir });
    expect(check.code, check.stdout).toBe(0);
  });

  it("--strict fails on a weakened construct, naming file > JSON pointer and the fix", async () => {
    const text = readFileSync(join(dir, "catalogs/media31/openapi.yaml"), "utf8");
    writeFileSync(
      join(dir, "catalogs/media31/openapi.yaml"),
      text.replace("prompt: { type: string, maxLength: 100 }", "prompt: { type: text }"),
    );
    const r = await runGen(["generate", "--strict"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^warning \[untyped-schema\] x1 \(weakened\): fix: .*\n {2}catalogs\/media31\/openapi\.yaml > #\/components\/schemas\/TextToImage\/properties\/prompt\/type: unknown type "text"/m,
    );
    expect(r.stdout).toMatch(/--strict: 1 warning\(s\) drop or weaken/);
    expect(r.stdout).toContain("nothing was written");
  });
});
