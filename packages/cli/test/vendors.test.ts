import { mkdtemp, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEdrawmax } from "@gen/edrawmax";
import { createIma } from "@gen/ima";
import { type Simulator, startSimulator } from "@gen/simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonLines, runGen } from "./helpers/run-gen.js";
import { simEnv } from "./helpers/sim-env.js";

let ima: Simulator;
let edrawmax: Simulator;
let cwd: string;

beforeAll(async () => {
  [ima, edrawmax] = await Promise.all([
    startSimulator({ vendor: "ima", taskDurationMs: 100 }),
    startSimulator({ vendor: "edrawmax" }),
  ]);
  cwd = await mkdtemp(join(tmpdir(), "gen-cli-vendors-"));
});
afterAll(async () => {
  await Promise.all([ima?.close(), edrawmax?.close()]);
});

describe.concurrent("vendor-specific entry points", { timeout: 60_000 }, () => {
  it("maps `gen call ima text_to_video --set model=... --set prompt=...` onto IMA's video flow", async () => {
    const env = simEnv(ima, createIma().runtime.vendor.auth);
    const args = ["call", "ima", "text_to_video", "--set", "model=wan2.6", "--set", "prompt=a lighthouse"];
    const r = await runGen([...args, "--wait", "--json", "--poll-ms", "25", "--base-url", ima.baseUrl], {
      cwd,
      env,
    });
    expect(r.code).toBe(0);
    const events = jsonLines(r.stdout);
    expect(events[0]).toMatchObject({ type: "task", vendor: "ima" });
    const result = events.at(-1) as { type: string; urls: string[] };
    expect(result.type).toBe("result");
    expect(result.urls.some((u) => u.endsWith(".mp4"))).toBe(true);
    const create = ima.ledger.entries.find((e) => e.taskId && e.method === "POST");
    expect(JSON.stringify(create?.body)).toContain("wan2.6-t2v");
    expect(JSON.stringify(create?.body)).toContain("a lighthouse");
  });

  it("--estimate-cost prints what an IMA video would cost and creates nothing", async () => {
    const env = simEnv(ima, createIma().runtime.vendor.auth);
    const prompt = "cost-probe-7c1";
    const common = ["call", "ima", "text_to_video", "--set", `prompt=${prompt}`, "--estimate-cost"];
    const [cheapest, text] = await Promise.all([
      runGen([...common, "--set", "model=cheapest", "--json", "--base-url", ima.baseUrl], { cwd, env }),
      runGen([...common, "--set", "model=wan2.6", "--base-url", ima.baseUrl], { cwd, env }),
    ]);
    expect(cheapest.code).toBe(0);
    expect(jsonLines(cheapest.stdout)).toEqual([
      expect.objectContaining({ type: "cost", model: expect.objectContaining({ id: "viduq2" }), points: 10 }),
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^cost: \d+ credits \(Wan 2\.6, wan2\.6-t2v, version wan2\.6-t2v\)$/m);
    expect(text.stdout).toContain("nothing was created");
    expect(ima.ledger.entries.some((e) => JSON.stringify(e.body ?? "").includes(prompt))).toBe(false);
  });

  it("downloads EdrawMax results from its result host via --connect-to (sync operation)", async () => {
    const dir = join(cwd, "diagrams");
    const connect = Object.entries(edrawmax.hosts).map(([host, origin]) => `--connect-to=${host}=${origin}`);
    const r = await runGen(
      [
        "call",
        "edrawmax",
        "flowchart",
        "--set",
        "prompt=login flow",
        "--download",
        dir,
        "--base-url",
        edrawmax.baseUrl,
        ...connect,
      ],
      { cwd, env: simEnv(edrawmax, createEdrawmax().runtime.vendor.auth) },
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("mermaid_code");
    const files = [...r.stdout.matchAll(/^file: (.+)$/gm)].map((m) => m[1] as string);
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) expect((await stat(file)).size).toBeGreaterThan(0);
  });
});
