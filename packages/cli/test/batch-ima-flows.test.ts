import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createIma } from "@gen/ima";
import { type Simulator, startSimulator } from "@gen/simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readResults } from "./helpers/batch-checks.js";
import { type BatchSims, batchSims, JOB_KINDS } from "./helpers/batch-sims.js";
import { untilJournal } from "./helpers/journal-wait.js";
import { collect, killGroup, runGen, spawnGen } from "./helpers/run-gen.js";
import { simEnv } from "./helpers/sim-env.js";

const POLL = ["--poll-ms", "20"];

/** IMA's model-name video flows (hand-written entry points) as batch lines, next to other vendors. */
describe("gen batch with IMA video flows (text_to_video ... by model name)", () => {
  let sims: BatchSims;
  let ima: Simulator;
  let env: Record<string, string>;
  beforeAll(async () => {
    sims = await batchSims();
    ima = await startSimulator({ vendor: "ima", taskDurationMs: 60 });
    env = { ...sims.env, ...simEnv(ima, createIma().runtime.vendor.auth), GEN_IMA_BASE_URL: ima.baseUrl };
  });
  afterAll(async () => {
    await ima.close();
    await sims.close();
  });

  /** IMA creates that reached the simulator, per `<<marker>>` in the prompt. */
  const imaCreates = () => {
    const counts = new Map<string, number>();
    for (const entry of ima.ledger.entries) {
      if (entry.operationId !== "createTask") continue;
      const marker = /<<([^>]+)>>/.exec(JSON.stringify(entry.body))?.[1];
      if (marker) counts.set(marker, (counts.get(marker) ?? 0) + 1);
    }
    return counts;
  };
  const flowLine = (id: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      id,
      vendor: "ima",
      operation: "text_to_video",
      input: { model: "wan2.6", prompt: `<<${id}>> a lighthouse at dusk`, ...extra },
    });
  const write = async (name: string, lines: string[]) => {
    const path = join(sims.cwd, name);
    await writeFile(path, `${lines.join("\n")}\n`);
    return path;
  };

  it("runs IMA flow lines (input.model and the top-level model shorthand) next to other vendors", async () => {
    const lines = [
      flowLine("mix.ima.0"),
      ...JOB_KINDS.map((k, i) =>
        JSON.stringify({
          id: `mix.${i}`,
          vendor: k.vendor,
          operation: k.operation,
          input: k.input(`mix.${i}`),
        }),
      ),
      JSON.stringify({
        id: "mix.ima.1",
        vendor: "ima",
        operation: "textToVideo",
        model: "wan2.6",
        input: { prompt: "<<mix.ima.1>> a fox" },
      }),
    ];
    const jobs = await write("mix.jsonl", lines);
    const run = await runGen(["batch", jobs, ...POLL], { cwd: sims.cwd, env });
    expect(run.code, run.stderr).toBe(0);
    const results = await readResults(join(sims.cwd, "mix.results.jsonl"));
    expect(results.map((r) => r.status)).toEqual(lines.map(() => "succeeded"));
    for (const r of results) expect(r.urls.length, r.id).toBeGreaterThan(0);
    expect(imaCreates().get("mix.ima.0")).toBe(1);
    expect(imaCreates().get("mix.ima.1")).toBe(1);
    const ima0 = results.find((r) => r.id === "mix.ima.0");
    expect(ima0?.handle).toMatchObject({ vendor: "ima" });
  });

  it("refuses a bad model and a local image with their line numbers before any create", async () => {
    const before = ima.ledger.createCount();
    const jobs = await write("badmodel.jsonl", [
      flowLine("bad.0"),
      flowLine("bad.1", { model: "no-such-model-zz" }),
      JSON.stringify({
        vendor: "ima",
        operation: "image_to_video",
        input: { model: "wan2.6", prompt: "a cat", images: ["./cat.png"] },
      }),
    ]);
    const run = await runGen(["batch", jobs, ...POLL], { cwd: sims.cwd, env });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/line 2: input\.model: .*no-such-model-zz/);
    expect(run.stderr).toMatch(/line 3: input\.images\.0: a batch takes https URLs/);
    expect(run.stderr).not.toMatch(/line 1:/);
    expect(ima.ledger.createCount()).toBe(before);
  });

  it("a SIGKILL mid-wait resumes on rerun with no second create", async () => {
    const ids = Array.from({ length: 6 }, (_, i) => `kill.${i}`);
    const jobs = await write(
      "kill.jsonl",
      ids.map((id) => flowLine(id)),
    );
    const results = join(sims.cwd, "kill.results.jsonl");
    const child = spawnGen(["batch", jobs, "-c", "2", ...POLL], { cwd: sims.cwd, env, detached: true });
    const exited = collect(child);
    await untilJournal(`${results}.journal`, (r) => r.at(-1)?.t === "created", exited);
    killGroup(child, "SIGKILL");
    expect((await exited).signal).toBe("SIGKILL");
    // The jobs whose handle was journaled but not their result: the rerun must resume these.
    const records = (await readFile(`${results}.journal`, "utf8"))
      .split("\n")
      .filter(Boolean)
      .flatMap((l) => {
        try {
          return [JSON.parse(l) as { t: string; key: string }];
        } catch {
          return [];
        }
      });
    const finished = new Set(records.filter((r) => r.t === "result" || r.t === "done").map((r) => r.key));
    const waiting = records.filter((r) => r.t === "created" && !finished.has(r.key)).map((r) => r.key);
    expect(waiting.length).toBeGreaterThan(0);
    const rerun = await runGen(["batch", jobs, "-c", "2", ...POLL], { cwd: sims.cwd, env });
    const settled = await readResults(results);
    expect(settled).toHaveLength(ids.length);
    const creates = imaCreates();
    for (const r of settled) {
      expect(creates.get(r.id) ?? 0, r.id).toBeLessThanOrEqual(1);
      if (r.status === "succeeded") expect(creates.get(r.id), r.id).toBe(1);
      else expect(r.error.kind, JSON.stringify(r.error)).toBe("ambiguous_submission");
    }
    for (const key of waiting) {
      expect(settled.find((r) => r.id === key)?.status, key).toBe("succeeded");
      expect(creates.get(key), key).toBe(1);
    }
    expect(rerun.code === 0 || rerun.code === 5).toBe(true);
    const count = ima.ledger.createCount();
    const again = await runGen(["batch", jobs, ...POLL, "--json"], { cwd: sims.cwd, env });
    expect(again.stdout).toContain('"created":0');
    expect(ima.ledger.createCount()).toBe(count);
  });

  it("--budget counts IMA flow lines at the price IMA states", async () => {
    const ids = Array.from({ length: 4 }, (_, i) => `flowbudget.${i}`);
    const jobs = await write(
      "flowbudget.jsonl",
      ids.map((id) => flowLine(id)),
    );
    const estimate = await runGen(
      [
        "call",
        "ima",
        "text_to_video",
        "--set",
        "model=wan2.6",
        "--set",
        "prompt=x",
        "--estimate-cost",
        "--json",
      ],
      { cwd: sims.cwd, env },
    );
    expect(estimate.code, estimate.stderr).toBe(0);
    const price = Number(/"points":\s*(\d+(?:\.\d+)?)/.exec(estimate.stdout)?.[1]);
    expect(price).toBeGreaterThan(0);
    const before = ima.ledger.createCount();
    const first = await runGen(["batch", jobs, "-c", "1", "--budget", String(price * 2), ...POLL], {
      cwd: sims.cwd,
      env,
    });
    expect(first.code).toBe(5);
    const results = await readResults(join(sims.cwd, "flowbudget.results.jsonl"));
    expect(results.filter((r) => r.status === "succeeded")).toHaveLength(2);
    expect(results.filter((r) => r.status === "failed").map((r) => r.error.kind)).toEqual([
      "budget_exhausted",
      "budget_exhausted",
    ]);
    expect(ima.ledger.createCount()).toBe(before + 2);
  });
});
