import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { GenModel } from "@gen/spec";
import { parse, stringify } from "yaml";
import { tempRoot } from "./temp-root.js";

const FIXTURE = join(import.meta.dirname, "..", "__fixtures__", "changeset-vendor");
export const CATALOG = "catalogs/csvendor/openapi.yaml";

/**
 * A tiny pnpm workspace with changesets set up and one vendor (`packages/csvendor`); by default
 * its package ships the model (gen.config `shipModel`), the differ's baseline without git.
 */
export function changesetWorkspace({ shipModel = true } = {}): string {
  const root = tempRoot({
    "package.json": JSON.stringify({ name: "tiny", private: true, version: "0.0.0" }),
    "pnpm-workspace.yaml": 'packages:\n  - "packages/*"\n',
    ".changeset/config.json": JSON.stringify({
      changelog: "@changesets/cli/changelog",
      commit: false,
      access: "public",
      baseBranch: "main",
      updateInternalDependencies: "patch",
      ignore: [],
    }),
    "gen.config.json": JSON.stringify({
      vendors: [
        { id: "csvendor", catalog: CATALOG, adapter: "openapi", out: "packages/csvendor", shipModel },
      ],
    }),
  });
  mkdirSync(join(root, "catalogs/csvendor"), { recursive: true });
  cpSync(join(FIXTURE, "openapi.yaml"), join(root, CATALOG));
  return root;
}

/** Applies a scripted edit to the workspace's catalog (parsed YAML in, YAML out). */
export function editCatalog(root: string, edit: (doc: GenModel) => void): void {
  const path = join(root, CATALOG);
  const doc = parse(readFileSync(path, "utf8")) as GenModel;
  edit(doc);
  writeFileSync(path, stringify(doc));
}

/** The changeset files (name -> text), README excluded. */
export function changesetFiles(root: string): Record<string, string> {
  const dir = join(root, ".changeset");
  return Object.fromEntries(
    readdirSync(dir)
      .filter((n) => n.endsWith(".md") && n !== "README.md")
      .sort()
      .map((n) => [n, readFileSync(join(dir, n), "utf8")]),
  );
}

/** Runs `changeset version` (the CLI installed in this repository) in `root`. */
export function changesetVersion(root: string): { status: number | null; output: string } {
  const require = createRequire(import.meta.url);
  const bin = join(require.resolve("@changesets/cli/package.json"), "..", "bin.js");
  const r = spawnSync(process.execPath, [bin, "version"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, CI: "1" },
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}
