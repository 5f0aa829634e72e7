// Generation time and output size next to openapi-typescript and hey-api, on the same OpenAPI
// files: real vendors' documents found in `--docs DIR` (default /tmp/real-openapi; never
// committed: absent = skipped) and the synthetic 2,400-operation spec (the x100 Media.io catalog's
// normalised OpenAPI model). Every run is a fresh process; tools interleaved within each round
// (so a load spike hits every tool of the round); time ratios are paired: the median over rounds
// of gen's time / openapi-typescript's time in the same round; withImportVsOpenapiTs adds each
// tool's module loading to its call (what a user's fresh process pays).
// Run: node scripts/run-ts.mjs bench/codegen-compare.ts [--docs DIR] [--runs N] [--tools a,b]
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { loadVendorModel } from "../packages/codegen/src/index.js";
import { median } from "./lib/stats.ts";
import { writeSyntheticCatalog } from "./lib/synthetic-catalog.ts";

const ROOT = join(import.meta.dirname, "..");
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : (process.argv[i + 1] as string);
};
const DOCS = arg("docs", "/tmp/real-openapi");
const RUNS = Number(arg("runs", "3"));
const TOOLS = arg("tools", "gen,gen-wire,openapi-typescript,hey-api,hey-api-default").split(",");
const tmp = mkdtempSync(join(tmpdir(), "codegen-compare-"));

async function syntheticSpec(): Promise<string> {
  const catalog = writeSyntheticCatalog(ROOT, tmp, 100);
  const loaded = await loadVendorModel(tmp, {
    id: "synthetic",
    catalog,
    adapter: "mediaio",
    out: "x",
    options: { overlay: "overlay.yaml" },
  });
  const file = join(tmp, "synthetic-openapi.json");
  writeFileSync(file, JSON.stringify(loaded.model));
  return file;
}

type Sample = { ms: number; importMs: number; bytes: number; srcBytes?: number; modelBytes?: number };

function runTool(tool: string, file: string): Sample | { error: string } {
  const out = mkdtempSync(join(tmp, `${tool}-`));
  const r = spawnSync(
    process.execPath,
    ["--conditions=@gen/source", "scripts/run-ts.mjs", "bench/lib/codegen-tool.ts", tool, file, out],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 24 },
  );
  rmSync(out, { recursive: true, force: true });
  const line = r.stdout.trim().split("\n").pop() ?? "";
  try {
    return JSON.parse(line);
  } catch {
    return { error: (r.stderr || r.stdout).trim().split("\n").slice(-3).join(" ").slice(0, 300) };
  }
}

const docs = existsSync(DOCS)
  ? readdirSync(DOCS)
      .filter((f) => /\.(json|ya?ml)$/.test(f) && !f.includes("measure"))
      .map((f) => ({ name: f, file: join(DOCS, f), runs: RUNS }))
  : [];
docs.push({ name: "synthetic-2400", file: await syntheticSpec(), runs: RUNS });
const loadBefore = loadavg().map((n) => Math.round(n * 10) / 10);
const RESULT = join(ROOT, "bench/results/codegen-compare.json");
// `--tools` reruns some tools only: the other tools' rows of the previous run are kept.
const previous = existsSync(RESULT)
  ? (JSON.parse(readFileSync(RESULT, "utf8")) as { rows: Array<Record<string, unknown>> }).rows
  : [];
const rows: Array<Record<string, unknown>> = [];
for (const doc of docs) {
  // rounds[i][tool]: round i's sample of each tool (tools run back to back in each round).
  const rounds: Array<Record<string, Sample>> = [];
  const errors: Record<string, string> = {};
  for (let i = 0; i < doc.runs; i++) {
    const round: Record<string, Sample> = {};
    for (const tool of TOOLS) {
      const r = runTool(tool, doc.file);
      if ("error" in r) errors[tool] = r.error;
      else round[tool] = r;
    }
    rounds.push(round);
  }
  const row: Record<string, unknown> = {
    ...(process.argv.includes("--tools") ? previous.find((r) => r.document === doc.name) : {}),
    document: doc.name,
  };
  for (const tool of TOOLS) {
    const s = rounds.map((r) => r[tool]).filter((x): x is Sample => x !== undefined);
    const { ms: _ms, importMs: _importMs, ...sizes } = s[0] ?? { ms: 0, importMs: 0 };
    row[tool] = s.length
      ? {
          ms: Math.round(median(s.map((x) => x.ms))),
          importMs: Math.round(median(s.map((x) => x.importMs))),
          ...sizes,
        }
      : { error: errors[tool] };
  }
  const h = row["hey-api"] as { bytes?: number } | undefined;
  const hd = row["hey-api-default"] as { bytes?: number } | undefined;
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  for (const [key, suffix] of [
    ["gen", ""],
    ["gen-wire", "Wire"],
  ] as const) {
    const g = row[key] as Sample | undefined;
    const paired = rounds
      .filter((r) => r[key] && r["openapi-typescript"])
      .map((r) => (r[key] as Sample).ms / (r["openapi-typescript"] as Sample).ms);
    if (paired.length) row[`timeVsOpenapiTs${suffix}`] = Math.round(median(paired) * 100) / 100;
    // As a user's fresh process meets it: loading the tool's module plus the call.
    const withImport = rounds
      .filter((r) => r[key] && r["openapi-typescript"])
      .map((r) => {
        const [g, o] = [r[key] as Sample, r["openapi-typescript"] as Sample];
        return (g.importMs + g.ms) / (o.importMs + o.ms);
      });
    if (withImport.length) row[`withImportVsOpenapiTs${suffix}`] = Math.round(median(withImport) * 100) / 100;
    // Against hey-api with its default plugins (types + sdk, no validation): the figures.
    if (g?.bytes && hd?.bytes) row[`sizeVsHeyApiDefault${suffix}`] = ratio(g.bytes, hd.bytes);
    if (!g?.bytes || !h?.bytes) continue;
    row[`sizeVsHeyApi${suffix}`] = ratio(g.bytes, h.bytes);
    row[`srcSizeVsHeyApi${suffix}`] = ratio(g.srcBytes ?? g.bytes, h.bytes);
  }
  rows.push(row);
  console.log(JSON.stringify(row));
}
rmSync(tmp, { recursive: true, force: true });
const result = {
  date: new Date().toISOString(),
  node: process.version,
  loadAverage: { before: loadBefore, after: loadavg().map((n) => Math.round(n * 10) / 10) },
  runs: RUNS,
  note: "fresh process per run, tools interleaved in each round; ms = median of the generation call (module loading excluded); importMs = median time to load the tool's module before the call (gen: its sources through tsx, as this repo runs it); timeVsOpenapiTs = median over rounds of the paired ratio (same round); withImportVsOpenapiTs = the same for importMs + ms (a user's fresh process); bytes = every file written. gen = this generator through gen.config + generate() with the defaults (types, zod + compact validators, operations, client, README, no normalised model: openapi.gen.json ships only with gen.config shipModel: true, modelBytes = 0 without it); gen-wire = the same with the opt-in gen.config wireTypes: true (adds openapi-typescript's wire types); openapi-typescript 7.13 = types only; hey-api 0.95.0 = @hey-api/typescript + @hey-api/sdk + zod; hey-api-default = hey-api 0.95.0 with its plugins left to its defaults (types + sdk, no validation), sizeVsHeyApiDefault = gen's whole package / its output. Targets: timeVsOpenapiTs <= 1, sizeVsHeyApi <= 0.8 on the synthetic spec and <= 0.9 on each real document, sizeVsHeyApiDefault <= 0.95 on every document (srcSizeVsHeyApi: gen's src/ only, the SDK code, without README and package files). Documents without an absolute server URL get options.baseUrl.",
  rows,
};
mkdirSync(join(ROOT, "bench/results"), { recursive: true });
writeFileSync(RESULT, `${JSON.stringify(result, null, 2)}\n`);
