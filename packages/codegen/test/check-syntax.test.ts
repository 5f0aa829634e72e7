import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { syntaxErrors } from "../src/emit/check-syntax.js";

const PACKAGES = join(import.meta.dirname, "..", "..");

// Every committed generated file of the in-repo vendor packages.
const generated = readdirSync(PACKAGES).flatMap((pkg) => {
  const src = join(PACKAGES, pkg, "src");
  try {
    return readdirSync(src)
      .filter((f) => f.endsWith(".gen.ts"))
      .map((f) => `${pkg}/src/${f}`);
  } catch {
    return [];
  }
});

describe("syntaxErrors (the generator's parse check of emitted files)", () => {
  it("finds generated files to check", () => expect(generated.length).toBeGreaterThan(20));

  it.each(generated)("accepts %s", (file) => {
    expect(syntaxErrors(file, readFileSync(join(PACKAGES, file), "utf8"))).toEqual([]);
  });

  it("names the file and line of each error", () => {
    const text = 'export const a = 1;\nexport type T = { x: string };\nexport const b: = "x";\n';
    expect(syntaxErrors("pkg/src/x.gen.ts", text)).toEqual(["pkg/src/x.gen.ts:3: Unexpected token"]);
  });

  it("reports an unclosed call at the end of the file", () => {
    const errors = syntaxErrors("y.gen.ts", "export const a = 1;\nfoo(\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^y\.gen\.ts:\d+: /);
  });

  it("reports a name declared twice", () => {
    expect(syntaxErrors("z.gen.ts", "export const a = 1;\nexport const a = 2;\n")).toEqual([
      "z.gen.ts:1: Identifier `a` has already been declared",
    ]);
  });
});
