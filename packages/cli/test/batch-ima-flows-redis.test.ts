import type { ChildProcess } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createIma } from "@gen/ima";
import { type Simulator, startSimulator } from "@gen/simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readResults } from "./helpers/batch-checks.js";
import { type BatchSims, batchSims, JOB_KINDS } from "./helpers/batch-sims.js";
import { onJsonLines } from "./helpers/json-lines.js";
import { HAS_REDIS, REDIS_SKIP, type RedisServer, startRedis } from "./helpers/redis-server.js";
import { collect, killGroup, spawnGen } from "./helpers/run-gen.js";
import { simEnv } from "./helpers/sim-env.js";

if (!HAS_REDIS) console.warn(REDIS_SKIP);

/** IMA's model-name video flows on the Redis engine: a worker killed mid-wait, another resumes. */
describe.skipIf(!HAS_REDIS)("gen batch --redis with IMA video flows", () => {
  let sims: BatchSims;
  let ima: Simulator;
  let redis: RedisServer;
  let env: Record<string, string>;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    [sims, ima, redis] = await Promise.all([
      batchSims(),
      startSimulator({ vendor: "ima", taskDurationMs: 400 }),
      startRedis(),
    ]);
    env = { ...sims.env, ...simEnv(ima, createIma().runtime.vendor.auth), GEN_IMA_BASE_URL: ima.baseUrl };
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) killGroup(c, "SIGKILL");
    await Promise.all([sims?.close(), ima?.close(), redis?.stop()]);
  });

  const worker = () => {
    const child = spawnGen(
      ["worker", "--redis", redis.url, "--lock-ms", "2000", "--poll-ms", "20", "--json"],
      {
        cwd: sims.cwd,
        env,
        detached: true,
      },
    );
    children.push(child);
    const events: Array<Record<string, unknown>> = [];
    onJsonLines(child, (line) => events.push(line));
    return { child, events, exited: collect(child) };
  };

  it("runs flow lines with other vendors; a worker SIGKILLed after the handle resumes elsewhere, no second create", async () => {
    const lines = [
      ...["rflow.0", "rflow.1", "rflow.2", "rflow.3"].map((id) =>
        JSON.stringify({
          id,
          vendor: "ima",
          operation: "text_to_video",
          model: "wan2.6",
          input: { prompt: `<<${id}>> waves` },
        }),
      ),
      ...JOB_KINDS.map((k, i) =>
        JSON.stringify({
          id: `rmix.${i}`,
          vendor: k.vendor,
          operation: k.operation,
          input: k.input(`rmix.${i}`),
        }),
      ),
    ];
    const jobs = join(sims.cwd, "rflow.jsonl");
    await writeFile(jobs, `${lines.join("\n")}\n`);
    const first = worker();
    const submit = spawnGen(["batch", jobs, "--redis", redis.url, "-c", "2", "--poll-ms", "50"], {
      cwd: sims.cwd,
      env,
    });
    children.push(submit);
    const submitted = collect(submit);
    // Kill the first worker as soon as it has written an IMA handle into a job (mid-wait).
    const victim = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const created = first.events.find((e) => e.event === "created" && e.vendor === "ima");
        if (created) {
          clearInterval(timer);
          resolve(created.key as string);
        } else if (first.child.exitCode !== null) {
          clearInterval(timer);
          reject(new Error("the worker ended before creating an IMA task"));
        }
      }, 5);
    });
    killGroup(first.child, "SIGKILL");
    await first.exited;
    const second = worker();
    const done = await submitted;
    expect([0, 5], done.stderr).toContain(done.code);
    expect(second.events.some((e) => e.event === "resumed" && e.key === victim)).toBe(true);
    const results = await readResults(join(sims.cwd, "rflow.results.jsonl"));
    expect(results).toHaveLength(lines.length);
    expect(results.find((r) => r.id === victim)?.status).toBe("succeeded");
    // The other IMA job in flight when the worker died may have been mid-create: ambiguous, never re-sent.
    for (const r of results.filter((r) => r.status !== "succeeded"))
      expect(r.error.kind, JSON.stringify(r)).toBe("ambiguous_submission");
    const creates = new Map<string, number>();
    for (const entry of ima.ledger.entries) {
      if (entry.operationId !== "createTask") continue;
      const marker = /<<([^>]+)>>/.exec(JSON.stringify(entry.body))?.[1];
      if (marker) creates.set(marker, (creates.get(marker) ?? 0) + 1);
    }
    for (const r of results) {
      if (!r.id.startsWith("rflow.")) continue;
      if (r.status === "succeeded") expect(creates.get(r.id), r.id).toBe(1);
      else expect(creates.get(r.id) ?? 0, r.id).toBeLessThanOrEqual(1);
    }
  });
});
