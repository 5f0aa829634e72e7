import type { ChildProcess } from "node:child_process";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectBatchSettled, readResults, seeded } from "./helpers/batch-checks.js";
import { type BatchSims, batchSims } from "./helpers/batch-sims.js";
import { onJsonLines } from "./helpers/json-lines.js";
import { freePort, HAS_REDIS, REDIS_SKIP, type RedisServer, startRedis } from "./helpers/redis-server.js";
import { collect, killGroup, runGen, spawnGen } from "./helpers/run-gen.js";

if (!HAS_REDIS) console.warn(REDIS_SKIP);

/** A `gen worker` child and the job events it printed. */
interface WorkerProc {
  child: ChildProcess;
  events: Array<Record<string, unknown>>;
  exited: Promise<unknown>;
  waiters: Array<() => void>;
}

describe.skipIf(!HAS_REDIS)("gen batch --redis with gen worker processes", () => {
  let sims: BatchSims;
  let redis: RedisServer;
  const workers: WorkerProc[] = [];
  beforeAll(async () => {
    [sims, redis] = await Promise.all([batchSims(250), startRedis()]);
  });
  afterAll(async () => {
    for (const w of workers)
      if (w.child.exitCode === null && w.child.signalCode === null) killGroup(w.child, "SIGKILL");
    await Promise.all([sims?.close(), redis?.stop()]);
  });

  const startWorker = (): WorkerProc => {
    const child = spawnGen(
      ["worker", "--redis", redis.url, "--lock-ms", "3000", "--poll-ms", "20", "--json"],
      {
        cwd: sims.cwd,
        env: sims.env,
        detached: true,
      },
    );
    const proc: WorkerProc = { child, events: [], exited: collect(child), waiters: [] };
    onJsonLines(child, (line) => {
      proc.events.push(line);
      for (const w of proc.waiters.splice(0)) w();
    });
    workers.push(proc);
    return proc;
  };

  it("200 jobs on 3 workers killed at random mid-create and mid-wait: no create twice, rerun creates nothing", async () => {
    const jobs = await sims.writeJobs(200, "redis.jsonl");
    const results = join(sims.cwd, "redis.results.jsonl");
    sims.slowCreates(600, 15);
    const live = [startWorker(), startWorker(), startWorker()];
    const submit = spawnGen(["batch", jobs, "--redis", redis.url, "-c", "6", "--poll-ms", "100", "--json"], {
      cwd: sims.cwd,
      env: sims.env,
    });
    const submitted = collect(submit);
    let progress = "";
    submit.stderr?.on("data", (d: Buffer) => {
      progress += d.toString();
    });
    let submitDone = false;
    void submitted.then(() => {
      submitDone = true;
      for (const w of workers) for (const wake of w.waiters.splice(0)) wake();
    });
    // Hang guard (not a timing assertion): say where it stands if the batch never ends.
    const guard = setTimeout(() => {
      console.error(`batch still running: ${progress.split("\n").slice(-2).join(" | ")}`);
    }, 150_000);
    const random = seeded(6);
    for (const phase of ["creating", "created", "creating", "created"]) {
      // The kill goes to whichever worker next reports `phase` after a few random events.
      const skip = Math.floor(random() * 6);
      const victim = await nextEvent(live, phase, skip, () => submitDone);
      killGroup(victim.child, "SIGKILL");
      await victim.exited;
      live.splice(live.indexOf(victim), 1);
      live.push(startWorker());
    }
    const done = await submitted;
    clearTimeout(guard);
    expect(done.stderr).not.toMatch(/\n\s+at /);
    const settled = await expectBatchSettled(sims, results, 200);
    // Only the creates in flight in a worker killed mid-create are ambiguous (at most the global
    // concurrency of 6 per vendor each); every other job succeeded.
    const failed = settled.filter((r) => r.status === "failed");
    expect(failed.every((r) => r.error.kind === "ambiguous_submission")).toBe(true);
    expect(failed.length).toBeGreaterThanOrEqual(1);
    expect(failed.length).toBeLessThanOrEqual(2 * 3 * 6);
    // Jobs killed mid-wait resumed on another worker from the handle in the job.
    expect(workers.flatMap((w) => w.events).some((e) => e.event === "resumed")).toBe(true);
    // The vendor limit is the queue's global concurrency, shared by every worker.
    const client = new Redis(redis.url);
    expect(await client.hget("bull:gen-batch-mediaio:meta", "concurrency")).toBe("6");
    client.disconnect();

    const before = sims.acceptedCreates();
    const again = await runGen(["batch", jobs, "--redis", redis.url, "--poll-ms", "50"], {
      cwd: sims.cwd,
      env: sims.env,
    });
    expect(again.stdout).toMatch(/\d+ succeeded/);
    expect(sims.acceptedCreates()).toBe(before);
    expect(await readResults(results)).toEqual(settled);
    for (const w of live) killGroup(w.child, "SIGKILL");
    await Promise.all(live.map((w) => w.exited));
  }, 240_000);

  it("gen worker stops on Ctrl-C (exit 0)", async () => {
    const worker = startWorker();
    await new Promise<void>((resolve) => {
      const check = () =>
        worker.events.some((e) => e.type === "ready") ? resolve() : worker.waiters.push(check);
      check();
    });
    killGroup(worker.child, "SIGINT");
    expect(await worker.exited).toMatchObject({ code: 0 });
  });

  it("an unreachable Redis is a clear message, nothing queued or sent", async () => {
    const jobs = await sims.writeJobs(3, "noredis.jsonl");
    const url = `redis://127.0.0.1:${await freePort()}`;
    const before = sims.acceptedCreates();
    const batch = await runGen(["batch", jobs, "--redis", url], { cwd: sims.cwd, env: sims.env });
    expect(batch.code).toBe(7);
    expect(batch.stderr).toContain(`Cannot reach Redis at ${url}`);
    expect(batch.stderr).toContain("nothing was queued or sent");
    const worker = await runGen(["worker", "--redis", url], { cwd: sims.cwd, env: sims.env });
    expect(worker.code).toBe(7);
    expect(worker.stderr).toContain(`Cannot reach Redis at ${url}`);
    expect(sims.acceptedCreates()).toBe(before);
  });
});

/** The first of `workers` to print a `phase` event after `skip` events (of any of them) have passed. */
function nextEvent(
  workers: readonly WorkerProc[],
  phase: string,
  skip: number,
  batchDone: () => boolean,
): Promise<WorkerProc> {
  let seen = 0;
  return new Promise((resolve, reject) => {
    let settled = false;
    for (const worker of workers) {
      const check = () => {
        if (settled) return;
        if (batchDone()) {
          settled = true;
          reject(new Error(`the batch ended before the "${phase}" kill point (make it longer)`));
          return;
        }
        const last = worker.events.at(-1);
        if (seen++ >= skip && last?.event === phase) {
          settled = true;
          resolve(worker);
        } else worker.waiters.push(check);
      };
      worker.waiters.push(check);
      void worker.exited.then(() => {
        if (!settled) reject(new Error("a worker exited before the kill point"));
      });
    }
  });
}
