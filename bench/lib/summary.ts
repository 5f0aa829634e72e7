import { table } from "./render-table.ts";

/** A parsed result file: untyped JSON written by the benches themselves. */
type Json = ReturnType<typeof JSON.parse>;

const ok = (pass: boolean) => (pass ? "met" : "**missed**");
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** The summary tables of bench/README.md, from the result files of one run. */
export function renderSummary(r: Record<string, Json | undefined>): string {
  const out: string[] = [];
  const c = r["call-overhead"];
  if (c) {
    const rows = [
      ...c.loopback.map((x: Json) => [
        "loopback (child process)",
        x.name,
        x.opsPerSec,
        x.usPerCall,
        x.cpuUsPerCall,
      ]),
      ...c.memory.map((x: Json) => ["in-memory fetch", x.name, x.opsPerSec, x.usPerCall, x.cpuUsPerCall]),
    ];
    out.push(
      "### Call overhead (one validated create, sequential)",
      "",
      table(["against", "client", "ops/s", "µs/call", "CPU µs/call"], rows),
      "",
    );
    out.push(
      `Generated client vs openapi-fetch: loopback default transport **${c.ratios.loopbackDefaultTransportVsOpenapiFetch}x**, loopback fetch transport **${c.ratios.loopbackFetchTransportVsOpenapiFetch}x**, in-memory **${c.ratios.memoryVsOpenapiFetch}x** ops/s (target >= 1x with validation on: ${ok(Math.min(c.ratios.loopbackDefaultTransportVsOpenapiFetch, c.ratios.loopbackFetchTransportVsOpenapiFetch, c.ratios.memoryVsOpenapiFetch) >= 1)}).`,
      "",
    );
  }
  const b = r.bundle;
  if (b) {
    const rows = b.rows.map((x: Json) => [
      x.vendor,
      `\`${x.operation}\``,
      // dist/ (what a user bundles) first; the same app from sources next to it when measured.
      kb(x.browser.gzip) +
        (x.source ? ` / ${kb(x.source.browser.gzip)}` : "") +
        (x.browser.unresolvedNodeBuiltins ? " (node built-ins left external)" : ""),
      kb(x.node.gzip) + (x.source ? ` / ${kb(x.source.node.gzip)}` : ""),
      `zod ${kb(x.browser.breakdown.zod ?? 0)} · runtime ${kb(x.browser.breakdown.runtime ?? 0)} · vendor ${kb(x.browser.breakdown.vendor ?? 0)}`,
      x.browser.lazyModules?.length
        ? `${kb(x.browser.lazyGzip)} gz: ${x.browser.lazyModules.map((m: string) => m.replace(/\.[jt]s$/, "")).join(", ")}`
        : "-",
      `${ok(x.browser.gzip <= b.target.gzipBytes)} / ${ok(x.node.gzip <= b.target.gzipBytes)}`,
      x.coldImportMs,
    ]);
    out.push(
      "### Bundle (one operation, minified + gzip) and cold import",
      "",
      table(
        [
          "package",
          "operation",
          "browser gz (dist / sources)",
          "node gz (dist / sources)",
          "minified breakdown (browser)",
          "loaded on first use, not counted",
          "<= 10 kB (browser / node)",
          "cold import ms",
        ],
        rows,
      ),
      "",
    );
    out.push(
      `Cold import baselines (median of ${b.importRuns} fresh processes): empty module ${b.emptyModuleImportMs} ms, \`undici\` alone ${b.undiciImportMs} ms.`,
      "",
    );
  }
  const p = r.polling;
  if (p) {
    const cell = (m: Json) => `${m.polls} / ${m.lagS} s (${m.score})`;
    const rows = p.rows.map((x: Json) => [
      x.vendor,
      x.scenario,
      `${cell(x.fixed)}, every ${x.fixedIntervalS} s`,
      cell(x.previous),
      `**${cell(x.now)}**`,
      x.scoreRatioToPreviousAcrossSeeds
        ? `${x.scoreRatioToPreviousAcrossSeeds.min} / ${x.scoreRatioToPreviousAcrossSeeds.median} / ${x.scoreRatioToPreviousAcrossSeeds.max}`
        : "-",
      `${x.previous.earlyFailureLagS} s → **${x.now.earlyFailureLagS} s**`,
      `${x.previous.silentS} s → **${x.now.silentS} s** (max gap ${x.now.maxGapS} s)`,
      x.progressReported ? "yes" : "no",
      `${ok(x.met.earlyFailureWithin5s)} ${ok(x.met.scoreNoWorseThanPrevious)} ${ok(x.met.noGapOver1s)}`,
    ]);
    out.push(
      "### Polling (polls per task / mean detection lag (polls×lag); early failure = a task failing 5 s after creation)",
      "",
      table(
        [
          "vendor",
          "durations",
          "vendor loop",
          "previous schedule",
          "now",
          `now / previous score, seeds 1-${p.rows[0]?.scoreRatioToPreviousAcrossSeeds?.seeds ?? "?"} (min / median / max)`,
          "early failure noticed after",
          "silent s per task",
          "progress",
          "fail ≤ 5 s / score ≤ previous / gap ≤ 1 s",
        ],
        rows,
      ),
      "",
    );
  }
  const s = r.scale;
  if (s) {
    out.push(
      "### Scale",
      "",
      table(
        [
          "tasks",
          "succeeded",
          "polls",
          "wall ms (creates / total)",
          "CPU ms (per task)",
          "RSS MB before → peak (KB/task)",
          "event-loop delay p50/p99/max ms (waits)",
          "(creates)",
        ],
        [
          [
            s.tasks,
            s.succeeded,
            s.polls,
            `${s.wallMs.creates} / ${s.wallMs.total}`,
            `${s.cpuMs.user + s.cpuMs.system} (${s.cpuMs.perTask})`,
            `${s.rssMb.before} → ${s.rssMb.peak} (${s.rssMb.perTaskKb})`,
            `${s.eventLoopDelayMs.waits.p50} / ${s.eventLoopDelayMs.waits.p99} / ${s.eventLoopDelayMs.waits.max}`,
            `${s.eventLoopDelayMs.creates.p50} / ${s.eventLoopDelayMs.creates.p99} / ${s.eventLoopDelayMs.creates.max}`,
          ],
        ],
      ),
      "",
    );
  }
  const g = r["codegen-peak"];
  if (g) {
    out.push(
      "### Codegen (fresh child process each: `generate({ check: true })`, nothing written)",
      "",
      table(
        ["catalog", "operations", "wall ms (median)", "peak RSS MB"],
        g.rows.map((x: Json) => [x.target, x.operations, x.wallMs, x.peakRssMb]),
      ),
      "",
    );
  }
  const cg = r.codegen;
  if (cg?.synthetic) {
    out.push(
      `In-process (bench/codegen.ts, ${cg.runs} run(s)): Media.io ${cg.mediaio.medianTotalMs} ms, synthetic x100 ${cg.synthetic.medianTotalMs} ms (target ${cg.targetMs2400} ms: ${ok(cg.synthetic.medianTotalMs <= cg.targetMs2400)}).`,
      "",
    );
  }
  const t = r.transport;
  if (t) {
    out.push(
      "### Transport (bench/transport.ts)",
      "",
      table(
        ["row", "µs/call", "CPU µs/call", "wall vs undici"],
        t.results.map((x: Json) => [x.name, x.wallUsPerCall, x.cpuUsPerCall, x.wallVsUndici]),
      ),
      "",
    );
  }
  const o = r["runtime-overhead"];
  if (o)
    out.push(
      `Runtime overhead (bench/runtime-overhead.ts): wall ratio ${o.wallRatio} (target ${o.targets.wallRatio}), extra CPU ${o.extraCpuUsPerCall} µs/call (target ${o.targets.extraCpuUsPerCall}).`,
      "",
    );
  return out.join("\n");
}
