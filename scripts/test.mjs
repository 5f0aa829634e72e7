#!/usr/bin/env node
// Runs every test once and closes with the line CI reads: "N passed, N failed".
// The counts come from vitest's JSON report, not from its console summary.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
// vitest does not export "./vitest.mjs"; find its bin next to its package.json.
const vitest = join(dirname(require.resolve("vitest/package.json")), "vitest.mjs");
const report = ".vitest-report.json";
rmSync(report, { force: true });
const r = spawnSync(
  process.execPath,
  [
    "--conditions=@gen/source",
    vitest,
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { stdio: "inherit", env: colourEnv(process.env) },
);
/**
 * Colour only on a terminal that did not opt out. vitest's colour library treats any FORCE_COLOR
 * (even "0") as "on", so plain output means NO_COLOR set and FORCE_COLOR removed.
 */
function colourEnv(env) {
  const off = env.NO_COLOR !== undefined || env.FORCE_COLOR === "0" || !process.stdout.isTTY;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== "0") return env;
  const { FORCE_COLOR: _, ...rest } = env;
  return off ? { ...rest, NO_COLOR: "1" } : rest;
}

let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, "utf8"));
  passed = json.numPassedTests ?? 0;
  failed = json.numFailedTests ?? 0;
  // A file that failed to load or whose hooks threw has no failed test of its own: count it once.
  for (const file of json.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === "failed").length;
    if (file.status === "failed" && failedTests === 0) failed += 1;
  }
} else {
  failed = 1;
}
if (r.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && r.status === 0 ? 0 : 1);
