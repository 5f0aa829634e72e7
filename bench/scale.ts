/**
 * Scale: N concurrent task waits in one process against a simulator running in another process
 * (short tasks). Reports peak RSS, CPU time, event-loop delay (monitorEventLoopDelay) and polls.
 * Usage: node scripts/run-ts.mjs bench/scale.ts [--tasks 1000] [--duration-ms 3000]
 */
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { createMediaio } from "../packages/mediaio/src/index.ts";
import type { Task } from "../packages/runtime/src/index.ts";
import { spawnSimulator } from "./lib/spawn-simulator.ts";
import { numberArg, round, writeResult } from "./lib/stats.ts";

const TASKS = numberArg("tasks", 1000);
const DURATION_MS = numberArg("duration-ms", 8000);
const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);

async function main(): Promise<void> {
  const sim = await spawnSimulator("mediaio", DURATION_MS);
  try {
    const client = createMediaio({
      baseUrl: sim.baseUrl,
      allowInsecureLoopback: true,
      env: {},
      ...sim.credentials,
    });
    await (await client.t2iImagen4({ prompt: "warm-up" })).status();
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 20);
    const eld = monitorEventLoopDelay({ resolution: 10 });
    eld.enable();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const tasks: Task[] = await Promise.all(
      Array.from({ length: TASKS }, (_, i) => client.t2iImagen4({ prompt: `task ${i}` })),
    );
    const created = performance.now();
    const createDelay = { p50: eld.percentile(50), p99: eld.percentile(99), max: eld.max };
    eld.reset();
    let polls = 0;
    const results = await Promise.all(
      tasks.map((t) =>
        t.wait({ minDelayMs: 250, maxDelayMs: 1000, onProgress: () => void polls++ }).then(
          () => true,
          () => false,
        ),
      ),
    );
    const done = performance.now();
    const cpu = process.cpuUsage(cpu0);
    eld.disable();
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const report = {
      benchmark: "scale",
      date: new Date().toISOString(),
      node: process.version,
      method: `${TASKS} creates then ${TASKS} concurrent waits (Media.io client, default transport) against a simulator in a child process; task duration ${DURATION_MS} ms; waits 250-1000 ms between polls`,
      tasks: TASKS,
      succeeded: results.filter(Boolean).length,
      polls,
      wallMs: { creates: Math.round(created - t0), total: Math.round(done - t0) },
      cpuMs: {
        user: Math.round(cpu.user / 1000),
        system: Math.round(cpu.system / 1000),
        perTask: round((cpu.user + cpu.system) / 1000 / TASKS, 2),
      },
      rssMb: {
        before: mb(rssBefore),
        peak: mb(peakRss),
        perTaskKb: round((peakRss - rssBefore) / 1024 / TASKS, 1),
      },
      eventLoopDelayMs: {
        creates: {
          p50: round(createDelay.p50 / 1e6, 1),
          p99: round(createDelay.p99 / 1e6, 1),
          max: round(createDelay.max / 1e6, 1),
        },
        waits: {
          p50: round(eld.percentile(50) / 1e6, 1),
          p99: round(eld.percentile(99) / 1e6, 1),
          max: round(eld.max / 1e6, 1),
        },
      },
    };
    console.log(JSON.stringify(report, null, 2));
    await writeResult("scale", report);
  } finally {
    sim.close();
  }
}

await main();
