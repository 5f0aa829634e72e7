#!/usr/bin/env node
// The build of one workspace package (its `build` script): JS through tsup (esbuild, config in
// tsup.config.ts, no dts) and, at the same time, declarations through `tsc --noCheck`
// (tsconfig.build.json, which extends ../../tsconfig.dts.json): one .d.ts per source file, no
// type-checking (that is `pnpm typecheck`). Workspace imports resolve to sources, so packages
// build in parallel (turbo.json: build has no ^build). One line per step shows progress.
import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const name = JSON.parse(readFileSync("package.json", "utf8")).name;
const bin = (pkg, file) => join(dirname(require.resolve(`${pkg}/package.json`)), file);

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

rmSync("dist", { recursive: true, force: true });
const ok = await Promise.all([
  step("js (tsup)", [bin("tsup", "dist/cli-default.js"), "--silent"]),
  step("d.ts (tsc --noCheck)", [bin("typescript", "bin/tsc"), "-p", "tsconfig.build.json"]),
]);
if (!ok.every(Boolean)) process.exit(1);
