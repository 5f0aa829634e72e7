#!/usr/bin/env node
// Runs a TypeScript entry point straight from the workspace sources (no build needed): tsx's loader
// transpiles in the same process, and the "@gen/source" export condition points workspace packages
// at src/. One child process, not tsx's CLI: that one relays Ctrl-C and SIGKILLs the command when it
// takes over 30 ms to react, which cuts a command's own "interrupted" report on a loaded machine.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const loader = pathToFileURL(require.resolve("tsx")).href;
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error("usage: run-ts.mjs <entry.ts> [args...]");
  process.exit(2);
}
const child = spawn(process.execPath, ["--conditions=@gen/source", "--import", loader, entry, ...args], {
  stdio: "inherit",
});
// Pass signals on and wait for the command to finish its report (a terminal's Ctrl-C reaches both
// processes; the command treats a repeated signal as one).
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("error", (error) => {
  console.error(error.message);
  process.exit(1);
});
child.on("exit", (code, signal) => {
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  } else process.exit(code ?? 1);
});
