#!/usr/bin/env node
// Runs a TypeScript entry point straight from the workspace sources (no build needed):
// tsx transpiles, and the "@gen/source" export condition points workspace packages at src/
// (given to tsx too: it runs the entry in a child process that does not inherit node flags).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const tsxCli = require.resolve("tsx/cli");
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error("usage: run-ts.mjs <entry.ts> [args...]");
  process.exit(2);
}
const r = spawnSync(
  process.execPath,
  ["--conditions=@gen/source", tsxCli, "--conditions=@gen/source", entry, ...args],
  {
    stdio: "inherit",
  },
);
process.exit(r.status ?? 1);
