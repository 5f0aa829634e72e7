import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectBatchSettled, readResults, seeded } from "./helpers/batch-checks.js";
import { type BatchSims, batchSims } from "./helpers/batch-sims.js";
import { untilJournal } from "./helpers/journal-wait.js";
import { collect, killGroup, runGen, spawnGen } from "./helpers/run-gen.js";

const POLL = ["--poll-ms", "20"];

describe("gen batch (embedded journal)", () => {
  let sims: BatchSims;
  beforeAll(async () => {
    sims = await batchSims();
  });
  afterAll(() => sims.close());

  it("200 jobs across vendors survive SIGKILL mid-create and mid-wait: no create twice, rerun creates nothing", async () => {
    const jobs = await sims.writeJobs(200, "chaos.jsonl");
    const results = join(sims.cwd, "chaos.results.jsonl");
    const journal = `${results}.journal`;
    const random = seeded(18);
    // Slow some creates so that a kill lands while a create is in flight.
    sims.slowCreates(400, 12);
    const kills: string[] = [];
    for (const phase of ["creating", "created", "creating", "created"] as const) {
      const child = spawnGen(["batch", jobs, "-c", "8", ...POLL], {
        cwd: sims.cwd,
        env: sims.env,
        detached: true,
      });
      const exited = collect(child);
      const skip = Math.floor(random() * 20);
      await untilJournal(
        journal,
        (records) => {
          const last = records.at(-1);
          return records.length > skip + kills.length * 40 && last?.t === phase;
        },
        exited,
      );
      killGroup(child, "SIGKILL");
      expect((await exited).signal).toBe("SIGKILL");
      kills.push(phase);
    }
    const final = await runGen(["batch", jobs, "-c", "8", ...POLL], { cwd: sims.cwd, env: sims.env });
    expect(final.stderr).not.toMatch(/Error:.*\n\s+at /); // no stack trace
    const settled = await expectBatchSettled(sims, results, 200);
    const ambiguous = settled.filter((r) => r.error?.kind === "ambiguous_submission");
    // Each mid-create kill leaves at least the job whose "creating" record was last; only jobs whose
    // create was in flight when a process died (at most 3 vendors x 8 per kill) can be ambiguous.
    expect(ambiguous.length).toBeGreaterThanOrEqual(1);
    expect(ambiguous.length).toBeLessThanOrEqual(kills.length * 3 * 8);
    expect(settled.filter((r) => r.status === "failed")).toEqual(ambiguous);

    const before = sims.acceptedCreates();
    const again = await runGen(["batch", jobs, ...POLL, "--json"], { cwd: sims.cwd, env: sims.env });
    expect(again.stdout).toContain('"created":0');
    expect(sims.acceptedCreates()).toBe(before);
    expect(await readResults(results)).toEqual(settled);
  }, 180_000);

  it("Ctrl-C stops, writes the results with pending jobs, and the rerun finishes them", async () => {
    const jobs = await sims.writeJobs(60, "intr.jsonl");
    const results = join(sims.cwd, "intr.results.jsonl");
    sims.slowCreates(300, 6);
    const child = spawnGen(["batch", jobs, "-c", "2", ...POLL], {
      cwd: sims.cwd,
      env: sims.env,
      detached: true,
    });
    const exited = collect(child);
    await untilJournal(`${results}.journal`, (records) => records.some((r) => r.t === "created"), exited);
    killGroup(child, "SIGINT");
    const stopped = await exited;
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toContain("Interrupted. Nothing is lost: run the same command again to resume.");
    const partial = await readResults(results);
    expect(partial.some((r) => r.status === "pending")).toBe(true);
    const ok = await runGen(["batch", jobs, ...POLL], { cwd: sims.cwd, env: sims.env });
    expect(ok.code, ok.stderr).toBe(0);
    const settled = await expectBatchSettled(sims, results, 60);
    expect(settled.every((r) => r.status === "succeeded")).toBe(true);
  });

  it("reports every invalid line with its number and sends nothing", async () => {
    const path = join(sims.cwd, "bad.jsonl");
    const good = JSON.stringify({ vendor: "mediaio", operation: "t2vWanV26", input: { prompt: "ok" } });
    const lines = [
      good,
      "{not json",
      JSON.stringify({ vendor: "nope", operation: "x", input: {} }),
      JSON.stringify({ vendor: "mediaio", operation: "t2vWanV26", input: { prompt: "x", size: "2:1" } }),
      "",
      JSON.stringify({
        vendor: "tomoviee",
        operation: "textToMusic",
        input: { prompt: "x", duration: 500, qty: 1 },
      }),
      JSON.stringify({ vendor: "mediaio", operation: "noSuchOperation", input: {} }),
    ];
    await import("node:fs/promises").then((fs) => fs.writeFile(path, `${lines.join("\n")}\n`));
    const before = sims.acceptedCreates();
    const r = await runGen(["batch", path, ...POLL], { cwd: sims.cwd, env: sims.env });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("5 invalid line(s); nothing was sent");
    expect(r.stderr).toMatch(/line 2: not valid JSON/);
    expect(r.stderr).toMatch(/line 3: vendor: unknown vendor "nope"/);
    expect(r.stderr).toMatch(/line 4: input\.size: must be one of: 9:16, 16:9/);
    expect(r.stderr).toMatch(/line 6: input\.duration: must be <= 95/);
    expect(r.stderr).toMatch(/line 7: Unknown operation "noSuchOperation"/);
    expect(r.stderr).not.toMatch(/line 1:/);
    expect(sims.acceptedCreates()).toBe(before);
    expect(existsSync(join(sims.cwd, "bad.results.jsonl.journal"))).toBe(false);
  });

  it("a missing credential stops before any create; the rerun with it runs everything", async () => {
    const jobs = await sims.writeJobs(6, "cred.jsonl");
    const { MEDIAIO_API_KEY: _dropped, ...env } = sims.env;
    const before = sims.acceptedCreates();
    const r = await runGen(["batch", jobs, ...POLL], { cwd: sims.cwd, env });
    expect(r.code).toBe(8);
    expect(r.stderr).toMatch(/Missing credentials; nothing was sent/);
    expect(r.stderr).toMatch(/mediaio: .*MEDIAIO_API_KEY/);
    expect(sims.acceptedCreates()).toBe(before);
    const ok = await runGen(["batch", jobs, ...POLL], { cwd: sims.cwd, env: sims.env });
    expect(ok.code, ok.stderr).toBe(0);
    const results = await expectBatchSettled(sims, join(sims.cwd, "cred.results.jsonl"), 6);
    expect(results.every((x) => x.status === "succeeded")).toBe(true);
  });

  it("a full disk under the journal stops before the create is sent; the rerun resumes", async () => {
    const jobs = await sims.writeJobs(6, "full.jsonl");
    const before = sims.acceptedCreates();
    const r = await runGen(["batch", jobs, "--journal", "/dev/full", ...POLL], {
      cwd: sims.cwd,
      env: sims.env,
    });
    expect(r.code).toBe(8);
    expect(r.stderr).toMatch(
      /Cannot write the batch journal \/dev\/full: the disk is full\. No create is sent/,
    );
    expect(sims.acceptedCreates()).toBe(before);
    const ok = await runGen(["batch", jobs, ...POLL], { cwd: sims.cwd, env: sims.env });
    expect(ok.code, ok.stderr).toBe(0);
    await expectBatchSettled(sims, join(sims.cwd, "full.results.jsonl"), 6);
  });

  it("downloads each job's files into its own folder and lists them in the results", async () => {
    const jobs = await sims.writeJobs(3, "dl.jsonl");
    const r = await runGen(["batch", jobs, "--download", "files", ...POLL], { cwd: sims.cwd, env: sims.env });
    expect(r.code, r.stderr).toBe(0);
    const results = await readResults(join(sims.cwd, "dl.results.jsonl"));
    for (const job of results) {
      expect(job.files.length).toBe(job.urls.length);
      for (const file of job.files) {
        expect(file.startsWith(join(sims.cwd, "files", job.id))).toBe(true);
        expect((await readFile(file)).length).toBeGreaterThan(0);
      }
    }
  });
});
