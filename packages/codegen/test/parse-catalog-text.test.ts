import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCatalogFast, parseCatalogStrict } from "../src/parse-catalog-text.js";

const REPO_ROOT = join(import.meta.dirname, "..", "..", "..");

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(e.name) ? [path] : [];
  });
}

describe("parseCatalogFast (JSON.parse / js-yaml) agrees with the strict yaml parse", () => {
  const files = [
    ...yamlFiles(join(REPO_ROOT, "catalogs")),
    ...yamlFiles(join(import.meta.dirname, "fixtures")),
    ...yamlFiles(join(import.meta.dirname, "__fixtures__")),
  ];

  it.each(files.map((f) => [f.slice(REPO_ROOT.length + 1), f]))("%s", (_name, file) => {
    const text = readFileSync(file, "utf8");
    expect(parseCatalogFast(text)?.value).toEqual(parseCatalogStrict(text));
  });

  it("reads the YAML 1.2 core schema: dates, versions and yes/no stay strings", () => {
    const text = "version: 2024-06-10\nflag: yes\nn: 010\nx: 1.5\nnothing: null\n";
    expect(parseCatalogFast(text)?.value).toEqual({
      version: "2024-06-10",
      flag: "yes",
      n: 10,
      x: 1.5,
      nothing: null,
    });
  });

  it("keeps aliases as shared nodes (like yaml) when they expand modestly", () => {
    const text = "a: &s [{ key: [] }]\nb: *s\nc: *s\n";
    const value = parseCatalogFast(text)?.value as Record<string, unknown>;
    expect(value.b).toBe(value.a);
    expect(value).toEqual(parseCatalogStrict(text));
  });

  it("leaves duplicate keys, syntax errors and alias bombs to the strict parse and its errors", () => {
    expect(parseCatalogFast("a: 1\na: 2\n")).toBeUndefined();
    expect(() => parseCatalogStrict("a: 1\na: 2\n")).toThrow(/unique/i);
    expect(parseCatalogFast("a: [1, 2\n")).toBeUndefined();
    let bomb = `a: &a [${Array(9).fill('"lol"').join(",")}]\n`;
    let prev = "a";
    for (const n of "bcdefghi") {
      bomb += `${n}: &${n} [${Array(9).fill(`*${prev}`).join(",")}]\n`;
      prev = n;
    }
    expect(parseCatalogFast(bomb)).toBeUndefined();
    expect(() => parseCatalogStrict(bomb)).toThrow(/resource exhaustion/);
  });

  it("parses JSON text with JSON.parse", () => {
    expect(parseCatalogFast('{"openapi":"3.1.0","paths":{}}')?.value).toEqual({
      openapi: "3.1.0",
      paths: {},
    });
  });
});
