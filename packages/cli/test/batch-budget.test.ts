import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCreateBody, createIma, type ProductNode, type ProductVersion } from "@gen/ima";
import { type Simulator, startSimulator } from "@gen/simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readResults } from "./helpers/batch-checks.js";
import { runGen } from "./helpers/run-gen.js";
import { simEnv } from "./helpers/sim-env.js";

/** The first priced version leaf of a product tree. */
function firstLeaf(nodes: readonly ProductNode[]): ProductVersion | undefined {
  for (const node of nodes) {
    const n = node as ProductNode & { credit_rules?: unknown[]; children?: ProductNode[] };
    if (Array.isArray(n.credit_rules) && n.credit_rules.length > 0) return n as unknown as ProductVersion;
    const inner = firstLeaf(n.children ?? []);
    if (inner) return inner;
  }
  return undefined;
}

describe("gen batch --budget (IMA states each create's price in its body)", () => {
  let sim: Simulator;
  let env: Record<string, string>;
  let cwd: string;
  let bodies: Array<{ body: unknown; credit: number }>;
  beforeAll(async () => {
    sim = await startSimulator({ vendor: "ima", taskDurationMs: 50 });
    const auth = createIma().runtime.vendor.auth;
    env = { ...simEnv(sim, auth), GEN_IMA_BASE_URL: sim.baseUrl };
    cwd = await mkdtemp(join(tmpdir(), "gen-budget-"));
    const ima = createIma({ baseUrl: sim.baseUrl, allowInsecureLoopback: true, env: {}, ...sim.credentials });
    const tree = (await ima.listProducts({
      app: "ima",
      platform: "web",
      category: "text_to_video",
    })) as ProductNode[];
    const leaf = firstLeaf(tree);
    if (!leaf) throw new Error("the IMA simulator lists no priced product");
    bodies = Array.from({ length: 6 }, (_, i) => {
      const built = buildCreateBody({
        taskType: "text_to_video",
        version: leaf,
        prompt: `<<budget.${i}>> a lighthouse`,
      });
      return { body: built.body, credit: built.body.parameters[0].credit };
    });
  });
  afterAll(() => sim.close());

  it("stops creating at the budget; a rerun with a larger budget creates only the rest", async () => {
    const jobs = join(cwd, "budget.jsonl");
    const lines = bodies.map((b, i) =>
      JSON.stringify({ id: `budget.${i}`, vendor: "ima", operation: "createTask", input: b.body }),
    );
    await writeFile(jobs, `${lines.join("\n")}\n`);
    const price = bodies[0]!.credit;
    expect(price).toBeGreaterThan(0);
    const first = await runGen(["batch", jobs, "-c", "1", "--budget", String(price * 3), "--poll-ms", "20"], {
      cwd,
      env,
    });
    expect(first.code).toBe(5);
    const results = await readResults(join(cwd, "budget.results.jsonl"));
    expect(results.filter((r) => r.status === "succeeded")).toHaveLength(3);
    const over = results.filter((r) => r.status === "failed");
    expect(over.map((r) => r.error.kind)).toEqual([
      "budget_exhausted",
      "budget_exhausted",
      "budget_exhausted",
    ]);
    expect(over[0]?.error.message).toMatch(/Credit budget reached: \d+ of \d+ spent/);
    expect(sim.ledger.createCount()).toBe(3);

    const second = await runGen(["batch", jobs, "--budget", String(price * 6), "--poll-ms", "20"], {
      cwd,
      env,
    });
    expect(second.code, second.stderr).toBe(0);
    expect(sim.ledger.createCount()).toBe(6);
    const settled = await readResults(join(cwd, "budget.results.jsonl"));
    expect(settled.every((r) => r.status === "succeeded")).toBe(true);
  });
});
