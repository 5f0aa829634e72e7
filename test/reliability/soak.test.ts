import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AmbiguousSubmissionError, GenError, type Task } from "../../packages/runtime/src/index.ts";
import type { FaultInput } from "../../packages/simulator/src/index.ts";
import { FAST_WAIT, failure, type Simulator, simulatorFor, taskCases } from "./helpers/vendor-cases.ts";

const SOAK = process.env.GEN_SOAK === "1";
const DURATION_MS = Number(process.env.GEN_SOAK_MS ?? 120_000);

const pollFaults: FaultInput[] = [
  { kind: "reset-before" },
  { kind: "reset-after" },
  { kind: "status", status: 503 },
  { kind: "status", status: 429, retryAfter: "0.01" },
  { kind: "truncate" },
  { kind: "non-json" },
  { kind: "slow", ms: 20 },
];
const createFaults: FaultInput[] = [
  { kind: "reset-after" },
  { kind: "reset-before" },
  { kind: "status", status: 503 },
  { kind: "truncate" },
];

/**
 * Long soak (GEN_SOAK=1, GEN_SOAK_MS): tasks in parallel under random create and poll faults.
 * Every create the simulator accepted ends either in a result or in an AmbiguousSubmissionError
 * naming its request; no create is ever sent twice.
 */
describe.runIf(SOAK)("soak: random faults", () => {
  const sims = new Map<string, Simulator>();
  beforeAll(async () => {
    for (const c of taskCases) sims.set(c.vendor, await simulatorFor(c, 50));
  });
  afterAll(async () => {
    for (const sim of sims.values()) await sim.close();
  });

  it("loses no task and duplicates no create", { timeout: DURATION_MS + 60_000 }, async () => {
    const deadline = Date.now() + DURATION_MS;
    const count = new Map(
      taskCases.map((c) => [c.vendor, { calls: 0, handles: 0, ambiguous: 0, results: 0 }]),
    );
    const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;
    const worker = async (w: number) => {
      for (let i = 0; Date.now() < deadline; i++) {
        const c = taskCases[(w + i) % taskCases.length]!;
        const sim = sims.get(c.vendor)!;
        const n = count.get(c.vendor)!;
        if (Math.random() < 0.2) sim.faults.add({ ...pick(createFaults), operation: c.createOp });
        if (Math.random() < 0.5) sim.faults.add({ ...pick(pollFaults), operation: c.pollOp! });
        n.calls++;
        const created = await c
          .client(sim)
          .create()
          .then(
            (t) => t as Task,
            (e: unknown) => e as Error,
          );
        if (created instanceof AmbiguousSubmissionError) n.ambiguous++;
        else if (created instanceof Error) expect(created).toBeInstanceOf(GenError);
        else {
          n.handles++;
          const error = await failure(created.wait(FAST_WAIT));
          if (error !== undefined) expect(error).toBeInstanceOf(GenError);
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
    for (const c of taskCases) {
      const sim = sims.get(c.vendor)!;
      const n = count.get(c.vendor)!;
      const accepted = sim.ledger.createCount(c.createOp);
      expect(accepted, `${c.vendor}: more creates than calls`).toBeLessThanOrEqual(n.calls);
      expect(n.handles + n.ambiguous, `${c.vendor}: an accepted create was lost`).toBeGreaterThanOrEqual(
        accepted,
      );
      sim.faults.clear();
      for (const t of sim.tasks.list()) {
        const result = await failure(
          c
            .client(sim)
            .resume({ vendor: c.vendor, operation: c.createOp, taskId: t.id, createdAt: "" })
            .wait(FAST_WAIT),
        );
        if (result === undefined) n.results++;
      }
      expect(n.results).toBe(sim.tasks.list().length);
    }
    console.log("soak", Object.fromEntries(count));
  });
});
