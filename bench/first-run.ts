/**
 * The README's first command from a fresh clone with EMPTY package caches, the way a new user
 * meets it: `npx -y pnpm@10.34.9 install && npx -y pnpm@10.34.9 demo` in a `git clone` of HEAD,
 * with a temporary npm cache and pnpm store (the shared ones are never touched). Records the wall
 * time of each half and the longest silence between two output lines ("progress all the way").
 * Usage: node scripts/run-ts.mjs bench/first-run.ts
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { round, writeResult } from "./lib/stats.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "gen-first-run-"));
const clone = join(work, "repo");
execFileSync("git", ["clone", "--quiet", ROOT, clone]);
const env = {
  ...process.env,
  npm_config_cache: join(work, "npm-cache"),
  npm_config_store_dir: join(work, "pnpm-store"),
  XDG_CACHE_HOME: join(work, "xdg-cache"),
  XDG_DATA_HOME: join(work, "xdg-data"),
  PNPM_HOME: join(work, "pnpm-home"),
  TURBO_TELEMETRY_DISABLED: "1",
  CI: "",
};

function run(args: string[]): Promise<{ wallS: number; maxSilenceS: number; lines: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let last = start;
    let maxSilence = 0;
    let lines = 0;
    const child = spawn("npx", ["-y", "pnpm@10.34.9", ...args], { cwd: clone, env });
    const onData = (chunk: Buffer) => {
      const now = performance.now();
      maxSilence = Math.max(maxSilence, now - last);
      last = now;
      lines += chunk.toString().split("\n").length - 1;
      process.stdout.write(chunk);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`pnpm ${args.join(" ")} exited ${code}`));
      const now = performance.now();
      resolve({
        wallS: round((now - start) / 1000, 1),
        maxSilenceS: round(Math.max(maxSilence, now - last) / 1000, 1),
        lines,
      });
    });
  });
}

const load = round(loadavg()[0]!, 2);
try {
  const install = await run(["install"]);
  const demo = await run(["demo"]);
  const total = round(install.wallS + demo.wallS, 1);
  console.log(`\nfirst run: install ${install.wallS} s + demo ${demo.wallS} s = ${total} s (load ${load})`);
  await writeResult("first-run", { load, cores: cpus().length, install, demo, totalS: total });
} finally {
  rmSync(work, { recursive: true, force: true });
}
