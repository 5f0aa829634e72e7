/**
 * Batch: 1,000 jobs over three vendor simulators, run the way a user runs them: fresh `gen`
 * processes (from sources via tsx, as `pnpm gen` does). Embedded journal (`gen batch`) vs Redis
 * (`gen batch --redis` + 3 `gen worker`s), same per-vendor concurrency. Reports throughput, peak
 * RSS per process, and the time from a SIGKILL to the killed process's jobs moving again
 * (embedded: rerun started at once -> first journal record of a job that was in flight; Redis:
 * worker killed -> first `resumed` event on another worker, bounded below by --lock-ms).
 * Usage: node scripts/run-ts.mjs bench/batch.ts [--jobs 1000] [--task-ms 300] [--concurrency 16] [--lock-ms 5000]
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startSimulators } from "../packages/simulator/src/index.ts";
import { samplePeakRss } from "./lib/group-rss.ts";
import { numberArg, round, writeResult } from "./lib/stats.ts";

const JOBS = numberArg("jobs", 1000);
const TASK_MS = numberArg("task-ms", 300);
const CONCURRENCY = numberArg("concurrency", 16);
const LOCK_MS = numberArg("lock-ms", 5000);
const POLL_MS = 100;
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TSX = createRequire(import.meta.url).resolve("tsx/cli");
const BIN = join(ROOT, "packages/cli/src/bin.ts");
const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);

const KINDS = [
  {
    vendor: "mediaio",
    operation: "t2vWanV26",
    input: (m: string) => ({ prompt: `${m} a fox`, size: "16:9" }),
  },
  {
    vendor: "tomoviee",
    operation: "textToMusic",
    input: (m: string) => ({ prompt: `${m} piano`, duration: 10, qty: 1 }),
  },
  {
    vendor: "edrawmax",
    operation: "generateFlowchart",
    input: (m: string) => ({ prompt: `${m} login flow` }),
  },
];

function gen(args: string[], cwd: string, env: Record<string, string>): ChildProcess {
  return spawn(
    process.execPath,
    ["--conditions=@gen/source", TSX, "--conditions=@gen/source", BIN, ...args],
    {
      cwd,
      env: { ...process.env, ...env },
      detached: true,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

function lines(child: ChildProcess, onLine: (line: Record<string, unknown>) => void): void {
  let buffer = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    for (let nl = buffer.indexOf("\n"); nl >= 0; nl = buffer.indexOf("\n")) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (line.startsWith("{")) onLine(JSON.parse(line));
    }
  });
}

function writeJobs(dir: string, name: string): string {
  const path = join(dir, name);
  const text = Array.from({ length: JOBS }, (_, i) => {
    const kind = KINDS[i % KINDS.length]!;
    const id = `${name.replace(".jsonl", "")}-${i}`;
    return JSON.stringify({ id, vendor: kind.vendor, operation: kind.operation, input: kind.input(id) });
  }).join("\n");
  writeFileSync(path, `${text}\n`);
  return path;
}

const journalRecords = (path: string) => {
  try {
    return readFileSync(path, "utf8").split("\n").filter(Boolean).length;
  } catch {
    return 0;
  }
};

async function embedded(dir: string, env: Record<string, string>) {
  const jobs = writeJobs(dir, "embedded.jsonl");
  const journal = join(dir, "embedded.results.jsonl.journal");
  const args = ["batch", jobs, "-c", String(CONCURRENCY), "--poll-ms", String(POLL_MS), "--json"];
  // Run 1: killed once a third of the records are in the journal.
  const started = performance.now();
  const first = gen(args, dir, env);
  const rss1 = samplePeakRss(first.pid as number);
  while (journalRecords(journal) < JOBS) await sleep(20);
  process.kill(-(first.pid as number), "SIGKILL");
  const killedAt = performance.now();
  await exited(first);
  const peak1 = rss1.stop();
  const before = journalRecords(journal);
  // Run 2, started at once: the time until its first journal record is the resume latency.
  const second = gen(args, dir, env);
  const rss2 = samplePeakRss(second.pid as number);
  while (journalRecords(journal) === before) await sleep(5);
  const resumeMs = performance.now() - killedAt;
  const code = await exited(second);
  const wallMs = performance.now() - started;
  const peak2 = rss2.stop();
  if (code !== 0 && code !== 5) throw new Error(`embedded run ended with ${code}`);
  return {
    wallMs,
    resumeMs,
    peakRssMb: [mb(peak1), mb(peak2)],
    ...outcome(join(dir, "embedded.results.jsonl")),
  };
}

async function redis(dir: string, env: Record<string, string>) {
  const port = await freePort();
  const server = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    {
      stdio: "ignore",
    },
  );
  const url = `redis://127.0.0.1:${port}`;
  while (
    spawnSync("redis-cli", ["-p", String(port), "ping"])
      .stdout?.toString()
      .trim() !== "PONG"
  )
    await sleep(50);
  const workers: Array<{ child: ChildProcess; rss: ReturnType<typeof samplePeakRss>; events: number }> = [];
  const inFlight = new Map<ChildProcess, Set<string>>();
  let resumedAt: number | undefined;
  let killed: ChildProcess | undefined;
  let killedKeys = new Set<string>();
  const startWorker = () => {
    const child = gen(
      ["worker", "--redis", url, "--lock-ms", String(LOCK_MS), "--poll-ms", String(POLL_MS), "--json"],
      dir,
      env,
    );
    const entry = { child, rss: samplePeakRss(child.pid as number), events: 0 };
    const keys = new Set<string>();
    inFlight.set(child, keys);
    lines(child, (line) => {
      entry.events++;
      const key = String(line.key);
      if (line.event === "creating" || line.event === "resumed") keys.add(key);
      if (line.event === "completed" || line.event === "failed") keys.delete(key);
      if (line.event === "resumed" && killedKeys.has(key) && resumedAt === undefined)
        resumedAt = performance.now();
    });
    workers.push(entry);
    return entry;
  };
  for (let i = 0; i < 3; i++) startWorker();
  const jobs = writeJobs(dir, "redis.jsonl");
  const started = performance.now();
  const submit = gen(
    ["batch", jobs, "--redis", url, "-c", String(CONCURRENCY), "--poll-ms", "200", "--json"],
    dir,
    env,
  );
  const submitRss = samplePeakRss(submit.pid as number);
  const submitted = exited(submit);
  let submitDone = false;
  void submitted.then(() => {
    submitDone = true;
  });
  // Kill the first worker once it has handled a third of its share, while it has jobs in flight.
  const victim = workers[0]!;
  while (victim.events < JOBS / 3 / 3 || (inFlight.get(victim.child)?.size ?? 0) === 0) {
    if (submitDone) throw new Error("the batch ended before the kill point");
    await sleep(10);
  }
  killedKeys = new Set(inFlight.get(victim.child));
  process.kill(-(victim.child.pid as number), "SIGKILL");
  const killedAt = performance.now();
  killed = victim.child;
  const code = await submitted;
  const wallMs = performance.now() - started;
  const peaks = workers.map((w) => mb(w.rss.stop()));
  for (const w of workers) if (w.child !== killed) process.kill(-(w.child.pid as number), "SIGKILL");
  server.kill("SIGKILL");
  if (code !== 0 && code !== 5) throw new Error(`redis submitter ended with ${code}`);
  return {
    ...outcome(join(dir, "redis.results.jsonl")),
    wallMs,
    resumeMs: resumedAt === undefined ? null : resumedAt - killedAt,
    jobsInFlightAtKill: killedKeys.size,
    workerPeakRssMb: peaks,
    submitterPeakRssMb: mb(submitRss.stop()),
  };
}

async function main(): Promise<void> {
  const sims = await startSimulators(
    KINDS.map((k) => k.vendor),
    { taskDurationMs: TASK_MS },
  );
  const env: Record<string, string> = { FORCE_COLOR: "0" };
  for (const [vendor, sim] of Object.entries(sims.simulators)) {
    env[`GEN_${vendor.toUpperCase()}_BASE_URL`] = sim.baseUrl;
    const twins = Object.entries(sim.hosts).map(([host, origin]) => `${host}=${origin}`);
    if (twins.length) env[`GEN_${vendor.toUpperCase()}_CONNECT_TO`] = twins.join(",");
  }
  env.MEDIAIO_API_KEY = sims.simulators.mediaio!.credentials.apiKey!;
  env.TOMOVIEE_APP_KEY = sims.simulators.tomoviee!.credentials.appKey!;
  env.TOMOVIEE_APP_SECRET = sims.simulators.tomoviee!.credentials.appSecret!;
  const dir = mkdtempSync(join(tmpdir(), "bench-batch-"));
  try {
    const e = await embedded(dir, env);
    const createsAfterEmbedded = total(sims);
    const r = await redis(dir, env);
    const createsAfterRedis = total(sims) - createsAfterEmbedded;
    const rows = [
      {
        mode: "embedded (1 process, journal)",
        jobs: JOBS,
        wallS: round(e.wallMs / 1000, 1),
        jobsPerS: round(JOBS / (e.wallMs / 1000), 1),
        peakRssMbPerProcess: e.peakRssMb,
        deathToResumeMs: Math.round(e.resumeMs),
        creates: createsAfterEmbedded,
        succeeded: e.succeeded,
        ambiguous: e.ambiguous,
      },
      {
        mode: "redis (3 gen worker + gen batch)",
        jobs: JOBS,
        wallS: round(r.wallMs / 1000, 1),
        jobsPerS: round(JOBS / (r.wallMs / 1000), 1),
        peakRssMbPerProcess: r.workerPeakRssMb,
        submitterPeakRssMb: r.submitterPeakRssMb,
        deathToResumeMs: r.resumeMs === null ? null : Math.round(r.resumeMs),
        jobsInFlightAtKill: r.jobsInFlightAtKill,
        creates: createsAfterRedis,
        succeeded: r.succeeded,
        ambiguous: r.ambiguous,
      },
    ];
    console.table(rows);
    await writeResult("batch", {
      benchmark: "batch",
      date: new Date().toISOString(),
      method: `${JOBS} jobs (mediaio t2vWanV26, tomoviee textToMusic, edrawmax generateFlowchart in turn) against in-process simulators with ${TASK_MS} ms tasks; fresh gen processes from sources (tsx); per-vendor concurrency ${CONCURRENCY}, poll every ${POLL_MS} ms; each run has one SIGKILL: embedded = the batch process killed after ${JOBS} journal records and rerun at once (wall time covers both runs), redis = one of 3 workers killed after a third of its share (the replacement is not started; the others take over after the ${LOCK_MS} ms lock); creates = creates the simulators accepted (each job at most once; ambiguous jobs are not recreated)`,
      machine: "2 shared cores, loaded by other work: compare rows of one run, not across runs",
      rows,
    });
  } finally {
    await sims.close();
  }
}

/** Succeeded and ambiguous (killed mid-create) counts of a results file. */
function outcome(path: string) {
  const rows = readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  return {
    succeeded: rows.filter((r) => r.status === "succeeded").length,
    ambiguous: rows.filter((r) => r.error?.kind === "ambiguous_submission").length,
  };
}

const total = (sims: Awaited<ReturnType<typeof startSimulators>>) =>
  Object.values(sims.simulators).reduce((n, s) => n + s.ledger.createCount(), 0);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

await main();
process.exit(0);
