// Generation time and output size next to openapi-typescript and hey-api, on the same OpenAPI
// files: real vendors' documents found in `--docs DIR` (default /tmp/real-openapi; never
// committed: absent = skipped) and the synthetic 2,400-operation spec (the x100 Media.io catalog's
// normalised OpenAPI model). Every run is a fresh process; tools interleaved; medians.
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
const TOOLS = arg("tools", "gen,gen-nowire,openapi-typescript,hey-api").split(",");
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

type Sample = { ms: number; bytes: number; srcBytes?: number };

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
docs.push({ name: "synthetic-2400", file: await syntheticSpec(), runs: 1 });
const RESULT = join(ROOT, "bench/results/codegen-compare.json");
// `--tools` reruns some tools only: the other tools' rows of the previous run are kept.
const previous = existsSync(RESULT)
  ? (JSON.parse(readFileSync(RESULT, "utf8")) as { rows: Array<Record<string, unknown>> }).rows
  : [];
const rows: Array<Record<string, unknown>> = [];
for (const doc of docs) {
  const samples: Record<string, Sample[]> = {};
  const errors: Record<string, string> = {};
  for (let i = 0; i < doc.runs; i++)
    for (const tool of TOOLS) {
      const r = runTool(tool, doc.file);
      if ("error" in r) errors[tool] = r.error;
      else {
        samples[tool] ??= [];
        samples[tool].push(r);
      }
    }
  const row: Record<string, unknown> = {
    ...previous.find((r) => r.document === doc.name),
    document: doc.name,
  };
  for (const tool of TOOLS) {
    const s = samples[tool];
    row[tool] = s
      ? {
          ms: Math.round(median(s.map((x) => x.ms))),
          bytes: s[0]!.bytes,
          ...(s[0]!.srcBytes ? { srcBytes: s[0]!.srcBytes } : {}),
        }
      : { error: errors[tool] };
  }
  const o = row["openapi-typescript"] as { ms?: number } | undefined;
  const h = row["hey-api"] as { bytes?: number } | undefined;
  for (const [key, suffix] of [
    ["gen", ""],
    ["gen-nowire", "NoWire"],
  ] as const) {
    const g = row[key] as Sample | undefined;
    if (!g?.ms || !o?.ms || !h?.bytes) continue;
    row[`timeVsOpenapiTs${suffix}`] = Math.round((g.ms / o.ms) * 100) / 100;
    row[`sizeVsHeyApi${suffix}`] = Math.round((g.bytes / h.bytes) * 100) / 100;
    row[`srcSizeVsHeyApi${suffix}`] = Math.round(((g.srcBytes ?? g.bytes) / h.bytes) * 100) / 100;
  }
  rows.push(row);
  console.log(JSON.stringify(row));
}
rmSync(tmp, { recursive: true, force: true });
const result = {
  date: new Date().toISOString(),
  node: process.version,
  loadAverage: loadavg().map((n) => Math.round(n * 10) / 10),
  runs: RUNS,
  note: "fresh process per run; ms = the generation call (module loading excluded), bytes = every file written. gen = this generator through gen.config + generate() (types, zod + compact validators, operations, client, README, openapi-typescript wire types, normalised model); gen-nowire = the same with gen.config wireTypes: false; openapi-typescript 7.13 = types only; hey-api 0.95.0 = @hey-api/typescript + @hey-api/sdk + zod. Targets: timeVsOpenapiTs <= 1, sizeVsHeyApi <= 1 (srcSizeVsHeyApi: gen's src/ only, without README, package files and the normalised model copy openapi.gen.json). Documents without an absolute server URL get options.baseUrl.",
  rows,
};
mkdirSync(join(ROOT, "bench/results"), { recursive: true });
writeFileSync(RESULT, `${JSON.stringify(result, null, 2)}\n`);
