/**
 * Polling efficiency and liveness: for task durations drawn uniformly from each vendor's documented
 * range, run the runtime's real waiter (`waitForTask`) on virtual time and count polls per task,
 * the mean detection lag (done -> noticed), the lag for a task that fails after 5 s, and the
 * seconds with no progress event while a listener is attached; against the vendor's own
 * fixed-interval loop (reference clients poll at once, then every 5 s / 10 s / 8 s) and against
 * the previous schedule (`firstPollMs: 0`, no ticks: nothing before the estimate's lower bound; the
 * previous window density and linear progress forecast: main's numbers, unchanged).
 * Score = mean polls x mean lag. Targets: early failure noticed within 5 s, score no worse than
 * the previous schedule's, no gap over 1 s between progress events. Vendors whose poll answer carries progress (Tomoviee's
 * `progressPath`) report it as modelled by `progressAt`. "As wired" is what `task.wait()` gets:
 * the create operation's estimate where the catalog has one, the protocol's bounds with
 * `informedDelays` (createTask sets it when the caller passes no `maxDelayMs`), and progress.
 * The score ratio (now / previous) is also re-measured on seeds 1..N (`--seeds`, default 10) and
 * reported as min / median / max, so a row that meets the target on the main draw (seed 7) is seen
 * not to do so by luck.
 * Usage: node scripts/run-ts.mjs bench/polling.ts [--samples 400] [--seeds 10]
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
/** Extra seeds (1..N, besides the main seed 7) the score ratio is re-measured on: one draw is not luck. */
const SEEDS = numberArg("seeds", 10);
type Range = readonly [number, number];

interface Scenario {
  vendor: string;
  label: string;
  range: Range;
  fixedMs: number;
  protocol: TaskProtocolDefinition;
  /** Whether the wiring hands the estimate to the waiter (generated task operations with one, IMA's flow). */
  estimateWired: boolean;
}

/** One simulated task: its duration and how its progress reads over time. */
interface SimTask {
  durationMs: number;
  /** Queued share of the duration (progress 0, state queued). */
  queued: number;
  /** Curvature of the running phase: progress = floor(100 * x^shape), x the running share done. */
  shape: number;
}

/**
 * What a progress-reporting vendor answers at `t` ms: queued with 0 for the first `queued` share,
 * then an integer that follows a mildly non-linear curve (shape 0.8-1.25: front- or back-loaded),
 * capped at 99 until the task is done (the simulator and Tomoviee's docs: 0-100, 100 only at the end).
 */
function progressAt(task: SimTask, t: number): { state: "queued" | "running"; progress: number } {
  const q = task.queued * task.durationMs;
  if (t < q) return { state: "queued", progress: 0 };
  const x = (t - q) / (task.durationMs - q);
  return { state: "running", progress: Math.min(99, Math.floor(100 * x ** task.shape)) };
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
    list.push({
      vendor: "tomoviee",
      label,
      range: est,
      fixedMs: 10_000,
      protocol: tomovieeVendor.task!,
      estimateWired: true,
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

interface Liveness {
  /** Mean seconds per task spent in gaps beyond 1 s between progress events (start to end). */
  silentS: number;
  /** Longest gap between progress events, s. */
  maxGapS: number;
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

type WaiterOptions = {
  minDelayMs: number;
  maxDelayMs: number;
  estimatedMs?: Range | undefined;
  informedDelays?: boolean;
  firstPollMs?: number;
  progressIntervalMs?: number;
  windowPolls?: { min: number; max: number; perMinDelay: number };
  forecast?: { curvature: number; recheckShare: number; earlyReading: boolean };
  progress?: boolean;
  /** Attach a progress listener and measure the gaps between its events. */
  listen?: boolean;
  /** The task fails at this age instead of succeeding. */
  failAtMs?: number;
};

async function waiter(tasks: SimTask[], options: WaiterOptions): Promise<Measured & Liveness> {
  const { progress, listen, failAtMs, ...waitOptions } = options;
  const clock = installVirtualClock();
  const start = clock.now();
  const polls: number[] = [];
  const lags: number[] = [];
  const silent: number[] = [];
  let maxGap = 0;
  const all = Promise.all(
    tasks.map(async (task, i) => {
      let n = 0;
      const events: number[] = [];
      const end = failAtMs ?? task.durationMs;
      await waitForTask({
        handle: { vendor: "bench", operation: "op", taskId: String(i), createdAt: "" },
        timeoutMs: 3_600_000,
        ...waitOptions,
        ...(listen ? { onProgress: () => events.push(clock.now() - start) } : {}),
        poll: async () => {
          n++;
          const t = Date.now() - start;
          if (t >= end)
            return failAtMs === undefined
              ? { state: "succeeded", raw: null }
              : { state: "failed", raw: null };
          return progress ? { ...progressAt(task, t), raw: null } : { state: "running", raw: null };
        },
      }).catch(() => undefined);
      polls.push(n);
      const noticed = clock.now() - start;
      lags.push((noticed - end) / 1000);
      if (listen) {
        const marks = [0, ...events, noticed];
        let quiet = 0;
        for (let k = 1; k < marks.length; k++) {
          const gap = marks[k]! - marks[k - 1]!;
          quiet += Math.max(0, gap - 1000);
          maxGap = Math.max(maxGap, gap);
        }
        silent.push(quiet / 1000);
      }
    }),
  );
  await clock.run(all);
  await all;
  return { ...summarize(polls, lags), silentS: round(mean(silent), 2), maxGapS: round(maxGap / 1000, 2) };
}

/** `SAMPLES` tasks, durations uniform in `range`, from a seeded draw. */
function sampleTasks(range: Range, seed: number): SimTask[] {
  const random = seededRandom(seed);
  return Array.from({ length: SAMPLES }, () => ({
    durationMs: range[0] + random() * (range[1] - range[0]),
    queued: random() * 0.2,
    shape: 0.8 * (1.25 / 0.8) ** random(),
  }));
}

/** Score ratio now / previous on seeds 1..SEEDS: min, median, max. */
async function ratioAcrossSeeds(
  range: Range,
  previous: WaiterOptions,
  now: WaiterOptions,
): Promise<{ seeds: number; min: number; median: number; max: number }> {
  const ratios: number[] = [];
  for (let seed = 1; seed <= SEEDS; seed++) {
    const tasks = sampleTasks(range, seed);
    ratios.push((await waiter(tasks, now)).score / (await waiter(tasks, previous)).score);
  }
  ratios.sort((a, b) => a - b);
  const at = (i: number) => round(ratios[i] ?? Number.NaN, 3);
  return { seeds: SEEDS, min: at(0), median: at(Math.floor(ratios.length / 2)), max: at(ratios.length - 1) };
}

async function main(): Promise<void> {
  const rows = [];
  for (const s of scenarios()) {
    const tasks = sampleTasks(s.range, 7);
    const durations = tasks.map((t) => t.durationMs);
    const bounds = {
      minDelayMs: s.protocol.minDelayMs ?? DEFAULT_WAIT.minDelayMs,
      maxDelayMs: s.protocol.maxDelayMs ?? DEFAULT_WAIT.maxDelayMs,
      informedDelays: true,
      estimatedMs: s.estimateWired ? s.range : undefined,
      progress: s.protocol.progressPath !== undefined,
    };
    const previous = {
      ...bounds,
      firstPollMs: 0,
      progressIntervalMs: 0,
      windowPolls: { min: 8, max: 32, perMinDelay: 2 },
      forecast: { curvature: 0, recheckShare: 1, earlyReading: false },
    };
    const fixed = fixedLoop(durations, s.fixedMs);
    const fixedFail = fixedLoop([5000], s.fixedMs);
    // Liveness is measured on a quarter of the tasks (a tick per second per task is many timers).
    const some = tasks.slice(0, Math.max(20, Math.round(SAMPLES / 4)));
    const before = await waiter(tasks, previous);
    const after = await waiter(tasks, bounds);
    const beforeFail = await waiter(some, { ...previous, failAtMs: 5000 });
    const afterFail = await waiter(some, { ...bounds, failAtMs: 5000 });
    const beforeLive = await waiter(some, { ...previous, listen: true });
    const afterLive = await waiter(some, { ...bounds, listen: true });
    const seeds = await ratioAcrossSeeds(s.range, previous, bounds);
    const ratio = (m: Measured) => round(m.score / fixed.score, 3);
    rows.push({
      vendor: s.vendor,
      scenario: s.label,
      fixedIntervalS: s.fixedMs / 1000,
      protocolBoundsS: [bounds.minDelayMs / 1000, bounds.maxDelayMs / 1000],
      estimateWired: s.estimateWired,
      progressReported: bounds.progress,
      fixed: { ...fixed, earlyFailureLagS: fixedFail.lagS },
      previous: {
        ...before,
        ratio: ratio(before),
        earlyFailureLagS: beforeFail.lagS,
        silentS: beforeLive.silentS,
        maxGapS: beforeLive.maxGapS,
      },
      now: {
        ...after,
        ratio: ratio(after),
        earlyFailureLagS: afterFail.lagS,
        earlyFailurePolls: afterFail.polls,
        silentS: afterLive.silentS,
        maxGapS: afterLive.maxGapS,
      },
      scoreRatioToPreviousAcrossSeeds: seeds,
      met: {
        earlyFailureWithin5s: afterFail.lagS <= 5,
        scoreNoWorseThanPrevious: after.score <= before.score,
        noGapOver1s: afterLive.maxGapS <= 1,
      },
    });
  }
  console.table(
    rows.map((r) => ({
      vendor: r.vendor,
      scenario: r.scenario,
      fixed: `${r.fixed.polls}p ${r.fixed.lagS}s fail+${r.fixed.earlyFailureLagS}s`,
      previous: `${r.previous.polls}p ${r.previous.lagS}s =${r.previous.score} fail+${r.previous.earlyFailureLagS}s silent ${r.previous.silentS}s`,
      now: `${r.now.polls}p ${r.now.lagS}s =${r.now.score} fail+${r.now.earlyFailureLagS}s silent ${r.now.silentS}s gap ${r.now.maxGapS}s`,
      [`now/prev seeds 1-${SEEDS}`]: `${r.scoreRatioToPreviousAcrossSeeds.min}-${r.scoreRatioToPreviousAcrossSeeds.max}`,
      met: Object.values(r.met).every(Boolean),
    })),
  );
  await writeResult("polling", {
    benchmark: "polling",
    date: new Date(performance.timeOrigin).toISOString(),
    samplesPerScenario: SAMPLES,
    method:
      "durations uniform in each documented range (seeded); progress (where the vendor reports it) queued for 0-20% of the duration, then floor(100 x^shape), shape 0.8-1.25, capped at 99 until done; the runtime's waitForTask on virtual time, poll latency 0, as wired (estimate where the catalog/IMA flow has one, informed delays); previous = the same with firstPollMs 0, no ticks, the previous window density and the previous (linear) forecast; score ratio also on seeds 1..N; early failure = the task fails 5 s after creation; silent = seconds per task in gaps over 1 s between progress events (a quarter of the samples, listener attached); fixed loop = poll at once then every N s",
    targets: { earlyFailureLagS: 5, score: "<= previous", maxGapS: 1 },
    rows,
  });
}

await main();
