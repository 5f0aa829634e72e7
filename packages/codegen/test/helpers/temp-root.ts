import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";

const FIXTURES = join(import.meta.dirname, "..", "__fixtures__");

/** A fresh temporary repository root holding `files` (path -> text). */
export function tempRoot(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), "gen-codegen-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Copies a fixture catalog folder to `catalogs/<name>/` of `root`. */
export function copyFixture(root: string, name: string): void {
  cpSync(join(FIXTURES, name), join(root, "catalogs", name), { recursive: true });
}

/** A `gen.config.json` text for one vendor per entry. */
export function genConfig(
  vendors: Array<{
    id: string;
    catalog: string;
    adapter: string;
    options?: Record<string, unknown>;
    shipModel?: boolean;
  }>,
): string {
  return JSON.stringify({ vendors: vendors.map((v) => ({ ...v, out: `packages/${v.id}` })) });
}

/** Every file under `dir` (relative path -> text); empty when the directory does not exist. */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const n of names.sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p).split("\\").join("/")] = readFileSync(p, "utf8");
    }
  };
  walk(dir);
  return out;
}
