/**
 * `pnpm bench`: runs every benchmark in its own process (one after another: the machine is
 * shared), writes bench/results/*.json and the summary tables of bench/README.md.
 * Usage: node scripts/run-ts.mjs bench/run.ts [--only name,name] [--skip name,name]
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { replaceBlock } from "./lib/render-table.ts";
import { median, writeResult } from "./lib/stats.ts";
import { renderSummary } from "./lib/summary.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const listArg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1]!.split(",");
};
const only = listArg("only");
const skip = listArg("skip") ?? [];

/** Name, script and arguments sized so the whole run stays under ~5 minutes on 2 cores. */
const BENCHES: Array<{ name: string; args: string[]; env?: Record<string, string> }> = [
  {
    name: "call-overhead",
    args: ["bench/call-overhead.ts", "--rounds", "7", "--calls", "250", "--mem-calls", "1500"],
  },
  { name: "transport", args: ["bench/transport.ts", "--rounds", "5", "--calls", "500", "--warmup", "300"] },
  {
    name: "runtime-overhead",
    args: ["bench/runtime-overhead.ts", "--rounds", "7", "--calls", "300", "--warmup", "300"],
  },
  { name: "bundle", args: ["bench/bundle.ts", "--imports", "7"] },
  { name: "polling", args: ["bench/polling.ts", "--samples", "400"] },
  { name: "scale", args: ["bench/scale.ts", "--tasks", "1000"] },
  { name: "codegen", args: ["bench/codegen.ts"], env: { BENCH_RUNS: "1" } },
  { name: "batch", args: ["bench/batch.ts", "--jobs", "1000"] },
];

function runTs(args: string[], env: Record<string, string> = {}, capture = false) {
  return spawnSync(process.execPath, ["scripts/run-ts.mjs", ...args], {
    cwd: ROOT,
    stdio: capture ? ["ignore", "pipe", "inherit"] : "inherit",
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
}

async function codegenPeak(): Promise<void> {
  const config = JSON.parse(readFileSync(`${ROOT}gen.config.json`, "utf8")) as {
    vendors: Array<{ id: string }>;
  };
  const rows = [];
  for (const target of [...config.vendors.map((v) => v.id), "synthetic"]) {
    const runs = [];
    for (let i = 0; i < (target === "synthetic" ? 1 : 3); i++) {
      const r = runTs(["bench/codegen-peak.ts", target], {}, true);
      if (r.status !== 0) throw new Error(`codegen-peak ${target} failed`);
      runs.push(JSON.parse(r.stdout.trim().split("\n").at(-1)!));
    }
    rows.push({
      ...runs[0],
      wallMs: median(runs.map((x) => x.wallMs)),
      peakRssMb: median(runs.map((x) => x.peakRssMb)),
      runs: runs.length,
    });
  }
  console.table(rows);
  await writeResult("codegen-peak", {
    benchmark: "codegen-peak",
    date: new Date().toISOString(),
    method:
      "generate({ check: true }) for one vendor per fresh child process (tsx, from sources); peak RSS = process.resourceUsage().maxRSS; median of 3 runs (synthetic: 1)",
    rows,
  });
}

const selected = (name: string) => (!only || only.includes(name)) && !skip.includes(name);
const started = Date.now();
const timings: Record<string, number> = {};
for (const bench of BENCHES) {
  if (!selected(bench.name)) continue;
  const t0 = Date.now();
  console.log(`\n== ${bench.name}`);
  const r = runTs(bench.args, bench.env);
  if (r.status !== 0) console.error(`${bench.name} failed (exit ${r.status})`);
  timings[bench.name] = Date.now() - t0;
}
if (selected("codegen-peak")) {
  const t0 = Date.now();
  console.log("\n== codegen-peak");
  await codegenPeak();
  timings["codegen-peak"] = Date.now() - t0;
}

const names = [...BENCHES.map((b) => b.name), "codegen-peak"];
const results = Object.fromEntries(
  names.map((n) => {
    const file = `${ROOT}bench/results/${n}.json`;
    return [n, existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined];
  }),
);
const header = [
  `Last run: ${new Date().toISOString()} · Node ${process.version} · ${cpus().length} CPUs · load average ${loadavg()
    .map((n) => n.toFixed(1))
    .join(
      " ",
    )} · total ${Math.round((Date.now() - started) / 1000)} s${only || skip.length ? ` (partial run: ${process.argv.slice(2).join(" ")}; other tables from earlier results)` : ""}`,
  `(per bench, s: ${Object.entries(timings)
    .map(([k, v]) => `${k} ${Math.round(v / 1000)}`)
    .join(", ")})`,
  "",
].join("\n");
const readme = `${ROOT}bench/README.md`;
const text = existsSync(readme) ? readFileSync(readme, "utf8") : "# Benchmarks\n";
writeFileSync(readme, replaceBlock(text, "bench:summary", header + renderSummary(results)));
console.log(`\nbench/README.md updated (${Math.round((Date.now() - started) / 1000)} s)`);
