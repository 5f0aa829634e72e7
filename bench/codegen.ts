// Generator benchmark: in-memory generation (adapter + validation + every emitted file, no writes,
// no type-checking) for the Media.io catalog and a synthetic catalog 100x its size.
// Run: node scripts/run-ts.mjs bench/codegen.ts
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { emitPackage, type GenVendorConfig, loadVendorModel } from "../packages/codegen/src/index.js";
import { writeSyntheticCatalog } from "./lib/synthetic-catalog.ts";

const ROOT = join(import.meta.dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SCALE = 100;

async function timeOnce(root: string, vendor: GenVendorConfig) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const loaded = await loadVendorModel(root, vendor);
  if (loaded.diagnostics.some((d) => d.severity === "error"))
    throw new Error(JSON.stringify(loaded.diagnostics[0]));
  const t1 = performance.now();
  const cpu1 = process.cpuUsage(cpu0);
  const src = await emitPackage({
    model: loaded.model,
    catalog: vendor.catalog,
    outDir: vendor.out,
    skipWire: true,
  });
  const t2 = performance.now();
  const cpu2 = process.cpuUsage();
  const full = await emitPackage({ model: loaded.model, catalog: vendor.catalog, outDir: vendor.out });
  const t3 = performance.now();
  const cpu3 = process.cpuUsage(cpu2);
  const cpuMs = (cpu1.user + cpu1.system + cpu3.user + cpu3.system) / 1000;
  const bytes = [...full.files.values()].reduce((n, s) => n + s.length, 0);
  const operations = Object.values(loaded.model.paths).length;
  void src;
  return {
    loadMs: t1 - t0,
    emitSourceMs: t2 - t1,
    emitAllMs: t3 - t2,
    totalMs: t1 - t0 + (t3 - t2),
    cpuMs,
    bytes,
    operations,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

async function measure(root: string, vendor: GenVendorConfig) {
  await timeOnce(root, vendor);
  const runs: Awaited<ReturnType<typeof timeOnce>>[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await timeOnce(root, vendor));
  const pick = (k: keyof (typeof runs)[number]) => Math.round(median(runs.map((r) => r[k])) * 10) / 10;
  return {
    paths: runs[0]?.operations,
    medianTotalMs: pick("totalMs"),
    medianCpuMs: pick("cpuMs"),
    medianLoadMs: pick("loadMs"),
    medianEmitSourceMs: pick("emitSourceMs"),
    medianEmitAllMs: pick("emitAllMs"),
    outputBytes: runs[0]?.bytes,
  };
}

const mediaio: GenVendorConfig = {
  id: "mediaio",
  catalog: "catalogs/mediaio/c_api_doc_detail.json",
  adapter: "mediaio",
  out: "packages/mediaio",
  options: { overlay: "overlay.yaml" },
};
const tmp = mkdtempSync(join(tmpdir(), "codegen-bench-"));
const synthetic: GenVendorConfig = { ...mediaio, catalog: writeSyntheticCatalog(ROOT, tmp, SCALE) };

const small = await measure(ROOT, mediaio);
const large = await measure(tmp, synthetic);
const result = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  runs: RUNS,
  note: "wall and CPU time (the machine is shared: wall time inflates with the load average); in-memory: adapter + validation + all emitted files (incl. openapi-typescript wire types), no writes, no type-check; emitAll = every file, emitSource = without wire.gen.ts",
  mediaio: { operations: 24, ...small },
  synthetic: { operations: 24 * SCALE, ...large },
  ratio: Math.round((large.medianTotalMs / small.medianTotalMs) * 10) / 10,
  cpuRatio: Math.round((large.medianCpuMs / small.medianCpuMs) * 10) / 10,
  loadAverage: loadavg().map((n) => Math.round(n * 10) / 10),
  sizeRatio: SCALE,
  targetMs2400: 10_000,
};
mkdirSync(join(ROOT, "bench/results"), { recursive: true });
writeFileSync(join(ROOT, "bench/results/codegen.json"), JSON.stringify(result, null, 2) + "\n");
console.log(JSON.stringify(result, null, 2));
