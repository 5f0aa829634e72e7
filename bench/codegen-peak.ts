/**
 * One generation in this process, for `bench/run.ts` to measure wall time and peak RSS per
 * vendor in a fresh child: `generate({ check: true })` (adapter, validation, every emitted file,
 * nothing written) for a vendor of gen.config.json, or `synthetic` = the Media.io catalog x100 in
 * a temp root. Prints one JSON line. Usage: node scripts/run-ts.mjs bench/codegen-peak.ts <vendor|synthetic>
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { generate, parseGenConfig } from "../packages/codegen/src/index.ts";
import { SYNTHETIC_CATALOG, writeSyntheticCatalog } from "./lib/synthetic-catalog.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const target = process.argv[2] ?? "mediaio";
const SCALE = 100;

function syntheticRoot(): string {
  const dir = mkdtempSync(join(tmpdir(), "codegen-peak-"));
  writeSyntheticCatalog(ROOT, dir, SCALE);
  return dir;
}

const config = parseGenConfig(readFileSync(join(ROOT, "gen.config.json"), "utf8"));
const root = target === "synthetic" ? syntheticRoot() : ROOT;
const vendorConfig =
  target === "synthetic"
    ? {
        ...config.vendors.find((v) => v.id === "mediaio")!,
        id: "synthetic",
        catalog: SYNTHETIC_CATALOG,
        out: "packages/synthetic",
      }
    : config.vendors.find((v) => v.id === target);
if (!vendorConfig) throw new Error(`unknown vendor ${target}`);
const t0 = performance.now();
const result = await generate({
  root,
  check: true,
  config: { ...config, include: [], vendors: [vendorConfig] },
});
const wallMs = Math.round(performance.now() - t0);
const bytes = result.changes.reduce((n, c) => n + ((c as { content?: string }).content?.length ?? 0), 0);
process.stdout.write(
  `${JSON.stringify({ target, operations: result.vendors[0]?.operations, wallMs, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), changedFiles: result.changes.length, bytes })}\n`,
);
if (target === "synthetic") rmSync(root, { recursive: true, force: true });
