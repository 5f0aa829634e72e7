/**
 * Cold build of every workspace package, the way a new clone meets it: every `dist/` removed,
 * turbo's cache bypassed. Rows of one run, side by side:
 *   - "tsup --dts (before)": the old build, tsup emitting JS and bundling declarations per package
 *     (pnpm -r, topological order, 2 at a time like turbo on this machine);
 *   - "tsc --noCheck (issue 19)": `turbo run build --force` with GEN_BUILD_DTS=tsc: tsup for JS and
 *     one `tsc --noCheck` per package for declarations;
 *   - "isolated declarations (now)": `pnpm build --force`: tsup for JS, oxc-transform's
 *     isolatedDeclaration in the build process for declarations (tsc only for a package whose
 *     generated schemas infer their types) (scripts/build-package.mjs).
 * Wall time and the children's CPU (bash `times`). On a loaded machine the wall time says little:
 * CPU seconds / cores is the wall time an idle machine cannot beat.
 * Usage: node scripts/run-ts.mjs bench/cold-build.ts
 */
import { spawnSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { round, writeResult } from "./lib/stats.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PACKAGE_DIRS = ["packages", "examples"].flatMap((d) =>
  readdirSync(join(ROOT, d)).map((name) => join(ROOT, d, name)),
);

function clean(): void {
  for (const dir of PACKAGE_DIRS) rmSync(join(dir, "dist"), { recursive: true, force: true });
}

/** Runs `command` in bash, returns wall ms and the children's user+sys CPU seconds. */
function timed(command: string, env: Record<string, string> = {}): { wallS: number; cpuS: number } {
  clean();
  const start = performance.now();
  const r = spawnSync("bash", ["-c", `${command} >/dev/null 2>&1 || exit 1; times`], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0", ...env },
  });
  const wallS = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`${command} failed:\n${r.stdout}${r.stderr}`);
  // `times` prints two lines: the shell's own, then its children's "XmY.YYYs XmY.YYYs".
  const seconds = (s: string) => {
    const m = /(\d+)m([\d.]+)s/.exec(s);
    return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
  };
  const children = r.stdout.trim().split("\n").at(-1)!.split(/\s+/);
  return { wallS: round(wallS, 1), cpuS: round(seconds(children[0]!) + seconds(children[1]!), 1) };
}

const load = loadavg()[0]!;
const rows = [
  {
    build: "tsup --dts (before)",
    ...timed(
      'pnpm -r --workspace-concurrency=2 --filter "./packages/*" --filter "./examples/*" exec tsup --dts',
    ),
  },
  { build: "tsc --noCheck (issue 19)", ...timed("pnpm build --force", { GEN_BUILD_DTS: "tsc" }) },
  { build: "isolated declarations (now)", ...timed("pnpm build --force") },
];
const loadAfter = loadavg()[0]!;
console.log(
  `cold build, ${cpus().length} cores, load ${load.toFixed(2)} at start, ${loadAfter.toFixed(2)} at end`,
);
for (const r of rows) console.log(`${r.build.padEnd(28)} wall ${r.wallS} s  cpu ${r.cpuS} s`);
await writeResult("cold-build", {
  load: round(load, 2),
  loadAfter: round(loadAfter, 2),
  cores: cpus().length,
  rows: rows.map((r) => ({ ...r, cpuPerCoreS: round(r.cpuS / cpus().length, 1) })),
});
