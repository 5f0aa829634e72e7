/**
 * Polling efficiency: for task durations drawn uniformly from each vendor's documented range, run
 * the runtime's real waiter (`waitForTask`) on virtual time and count polls per task and the mean
 * detection lag (done -> noticed), against the vendor's own fixed-interval loop (reference
 * clients poll at once, then every 5 s / 10 s / 8 s). Score = mean polls x mean lag; target: at
 * most 25% of the fixed loop's. Usage: node scripts/run-ts.mjs bench/polling.ts [--samples 400]
 */
import { imaModels } from "../packages/ima/src/constants.gen.ts";
import { imaVendor } from "../packages/ima/src/vendor.gen.ts";
import { mediaioVendor } from "../packages/mediaio/src/vendor.gen.ts";
import { DEFAULT_WAIT, type TaskProtocolDefinition, waitForTask } from "../packages/runtime/src/index.ts";
import * as tomoviee from "../packages/tomoviee/src/operations.gen.ts";
import { tomovieeVendor } from "../packages/tomoviee/src/vendor.gen.ts";
import { mean, numberArg, round, seededRandom, writeResult } from "./lib/stats.ts";
import { installVirtualClock } from "./lib/virtual-clock.ts";

const SAMPLES = numberArg("samples", 400);
type Range = readonly [number, number];

interface Scenario {
  vendor: string;
  label: string;
  range: Range;
  fixedMs: number;
  protocol: TaskProtocolDefinition;
  /** Whether today's wiring hands the estimate to the waiter. */
  estimateWired: boolean;
}

function scenarios(): Scenario[] {
  const list: Scenario[] = [];
  // Media.io publishes no durations; its reference loop polls every 5 s (36 tries).
  for (const [label, range] of [
    ["image (assumed 10-60 s)", [10_000, 60_000]],
    ["video (assumed 60-300 s)", [60_000, 300_000]],
  ] as const)
    list.push({
      vendor: "mediaio",
      label,
      range,
      fixedMs: 5000,
      protocol: mediaioVendor.task!,
      estimateWired: false,
    });
  const seen = new Set<string>();
  for (const op of Object.values(tomoviee)) {
    const est = (op as { task?: { estimatedMs?: Range } }).task?.estimatedMs;
    if (!est || seen.has(String(est))) continue;
    seen.add(String(est));
    const label = `${(op as { id: string }).id} ${est[0] / 1000}-${est[1] / 1000} s`;
    // The runtime looks the estimate up in vendor.operations, which holds only the poll operation.
    list.push({
      vendor: "tomoviee",
      label,
      range: est,
      fixedMs: 10_000,
      protocol: tomovieeVendor.task!,
      estimateWired: false,
    });
  }
  const ranges = new Map<string, Range>();
  for (const m of imaModels.models as ReadonlyArray<{ name: string; estimatedSeconds?: readonly number[] }>) {
    const [lo, hi] = m.estimatedSeconds ?? [];
    if (lo !== undefined && hi !== undefined && !ranges.has(`${lo}-${hi}`))
      ranges.set(`${lo}-${hi}`, [lo * 1000, hi * 1000]);
  }
  for (const [key, range] of ranges)
    list.push({
      vendor: "ima",
      label: `video ${key} s`,
      range,
      fixedMs: 8000,
      protocol: imaVendor.task!,
      estimateWired: true,
    });
  return list;
}

interface Measured {
  polls: number;
  lagS: number;
  score: number;
}

function fixedLoop(durations: number[], intervalMs: number): Measured {
  const polls = durations.map((d) => Math.ceil(d / intervalMs) + 1);
  const lags = durations.map((d) => (Math.ceil(d / intervalMs) * intervalMs - d) / 1000);
  return summarize(polls, lags);
}

function summarize(polls: number[], lags: number[]): Measured {
  const p = mean(polls);
  const l = mean(lags);
  return { polls: round(p, 2), lagS: round(l, 2), score: round(p * l, 2) };
}

async function waiter(
  durations: number[],
  options: { minDelayMs: number; maxDelayMs: number; estimatedMs?: Range | undefined },
): Promise<Measured> {
  const clock = installVirtualClock();
  const start = clock.now();
  const polls: number[] = [];
  const lags: number[] = [];
  const all = Promise.all(
    durations.map(async (d, i) => {
      let n = 0;
      await waitForTask({
        handle: { vendor: "bench", operation: "op", taskId: String(i), createdAt: "" },
        timeoutMs: 3_600_000,
        ...options,
        poll: async () => {
          n++;
          return { state: Date.now() - start >= d ? "succeeded" : "running", raw: null };
        },
      });
      polls.push(n);
      lags.push((clock.now() - start - d) / 1000);
    }),
  );
  await clock.run(all);
  await all;
  return summarize(polls, lags);
}

async function main(): Promise<void> {
  const rows = [];
  for (const s of scenarios()) {
    const random = seededRandom(7);
    const durations = Array.from(
      { length: SAMPLES },
      () => s.range[0] + random() * (s.range[1] - s.range[0]),
    );
    const bounds = {
      minDelayMs: s.protocol.minDelayMs ?? DEFAULT_WAIT.minDelayMs,
      maxDelayMs: s.protocol.maxDelayMs ?? DEFAULT_WAIT.maxDelayMs,
    };
    const fixed = fixedLoop(durations, s.fixedMs);
    const asWired = await waiter(durations, {
      ...bounds,
      estimatedMs: s.estimateWired ? s.range : undefined,
    });
    const withEstimate = await waiter(durations, { ...bounds, estimatedMs: s.range });
    const defaults = await waiter(durations, {
      minDelayMs: DEFAULT_WAIT.minDelayMs,
      maxDelayMs: DEFAULT_WAIT.maxDelayMs,
      estimatedMs: s.range,
    });
    const w = (s.range[1] - s.range[0]) / 1000;
    const ratio = (m: Measured) => round(m.score / fixed.score, 3);
    rows.push({
      vendor: s.vendor,
      scenario: s.label,
      fixedIntervalS: s.fixedMs / 1000,
      protocolBoundsS: [bounds.minDelayMs / 1000, bounds.maxDelayMs / 1000],
      estimateWired: s.estimateWired,
      fixed,
      asWired: { ...asWired, ratio: ratio(asWired) },
      withEstimate: { ...withEstimate, ratio: ratio(withEstimate) },
      withEstimateDefaultBounds: { ...defaults, ratio: ratio(defaults) },
      // Any schedule without progress information: polls x lag >= ~W/4 for uniform durations over a window W.
      lowerBoundRatio: round(w / 4 / fixed.score, 3),
    });
  }
  console.table(
    rows.map((r) => ({
      vendor: r.vendor,
      scenario: r.scenario,
      fixed: `${r.fixed.polls}p ${r.fixed.lagS}s`,
      wired: `${r.asWired.polls}p ${r.asWired.lagS}s ${r.asWired.ratio}`,
      estimate: `${r.withEstimate.polls}p ${r.withEstimate.lagS}s ${r.withEstimate.ratio}`,
      defaults: `${r.withEstimateDefaultBounds.polls}p ${r.withEstimateDefaultBounds.lagS}s ${r.withEstimateDefaultBounds.ratio}`,
      bound: r.lowerBoundRatio,
    })),
  );
  await writeResult("polling", {
    benchmark: "polling",
    date: new Date(performance.timeOrigin).toISOString(),
    samplesPerScenario: SAMPLES,
    method:
      "durations uniform in each documented range (seeded); the runtime's waitForTask on virtual time, poll latency 0; fixed loop = poll at once then every N s",
    target: { ratio: 0.25 },
    rows,
  });
}

await main();
