#!/usr/bin/env node
// The build of one workspace package (its `build` script): JS through tsup (esbuild, config in
// tsup.config.ts, no dts) and, at the same time, declarations: one .d.ts per source file of src/
// (tests and __fixtures__ left out), written by oxc-transform's isolatedDeclaration in this
// process. Sources are written for `isolatedDeclarations` (every export's type is spelled out),
// so no TypeScript program is needed: a file that breaks the rule fails the build with its line
// (generated files that infer types fall back to tsc, see `declarations`).
// Type-checking stays in `pnpm typecheck`. Workspace imports resolve to sources (@gen/source), so
// packages build in parallel (turbo.json: build has no ^build). One line per step shows progress.
//
// `--dts=tsc` (or GEN_BUILD_DTS=tsc) writes all declarations with `tsc --noCheck -p
// tsconfig.build.json` instead: the previous route, kept as the row bench/cold-build.ts compares.
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";

const require = createRequire(import.meta.url);
const name = JSON.parse(readFileSync("package.json", "utf8")).name;
const bin = (pkg, file) => join(dirname(require.resolve(`${pkg}/package.json`)), file);
const useTsc = process.argv.includes("--dts=tsc") || process.env.GEN_BUILD_DTS === "tsc";

function step(label, args) {
  const start = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => {
      if (code === 0) console.log(`${name}: ${label} ${Math.round(performance.now() - start)} ms`);
      else console.error(`${output}${name}: ${label} failed`);
      resolve(code === 0);
    });
  });
}

/** The package's declaration sources: src/**\/*.ts but tests, fixtures and .d.ts files. */
function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "__fixtures__" ? [] : sourceFiles(path);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") && !e.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** oxc's layout as tsc lays declarations out (4-space indent, ` * ` in JSDoc), for readable hovers. */
function tscLayout(code) {
  return code.replace(
    /^(\t*)(\*|\S)?/gm,
    (_, tabs, first = "") => `${"    ".repeat(tabs.length)}${first === "*" ? " *" : first}`,
  );
}

/**
 * Declarations through oxc-transform, in this process. A hand-written file that breaks the
 * isolated-declarations rule fails the build (with its line). A generated file (`.gen.ts`) whose
 * exports rely on inference (zod schemas typed by `ReturnType<typeof build...>`) has the
 * package's declarations written by tsc instead.
 */
async function declarations() {
  const tsc = () => step("d.ts (tsc --noCheck)", [bin("typescript", "bin/tsc"), "-p", "tsconfig.build.json"]);
  if (useTsc) return tsc();
  const start = performance.now();
  const { isolatedDeclarationSync } = await import("oxc-transform");
  const problems = [];
  const inferred = new Set();
  for (const file of sourceFiles("src")) {
    const text = readFileSync(file, "utf8");
    const { code, errors } = isolatedDeclarationSync(file, text, { stripInternal: false });
    if (errors.length && file.endsWith(".gen.ts")) inferred.add(relative("src", file));
    else
      for (const e of errors) {
        const before = Buffer.from(text)
          .subarray(0, e.labels?.[0]?.start ?? 0)
          .toString()
          .split("\n");
        problems.push(`${file}:${before.length}:${before.at(-1).length + 1}: ${e.message}`);
      }
    const out = join("dist", `${relative("src", file).slice(0, -3)}.d.ts`);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, tscLayout(code));
  }
  if (problems.length) {
    console.error(
      `${problems.join("\n")}\n${name}: d.ts (isolated declarations) failed: annotate these exports`,
    );
    return false;
  }
  if (inferred.size) {
    console.log(`${name}: ${[...inferred].join(", ")} infer their exports' types: declarations by tsc`);
    return tsc();
  }
  console.log(`${name}: d.ts (isolated declarations) ${Math.round(performance.now() - start)} ms`);
  return true;
}

rmSync("dist", { recursive: true, force: true });
const ok = await Promise.all([
  step("js (tsup)", [bin("tsup", "dist/cli-default.js"), "--silent"]),
  declarations(),
]);
if (!ok.every(Boolean)) process.exit(1);
