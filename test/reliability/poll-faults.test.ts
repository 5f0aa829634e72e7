import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GenError, type Task, TaskFailedError } from "../../packages/runtime/src/index.ts";
import { FAST_WAIT, failure, type Simulator, simulatorFor, taskCases } from "./helpers/vendor-cases.ts";

/** Polls are reads: retried through any transient fault, and the task always ends with its result. */
describe.each(taskCases)("poll faults: $vendor", (c) => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await simulatorFor(c);
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());

  const pollOp = c.pollOp!;
  const start = async () => (await c.client(sim).create()) as Task;

  it("rides out resets, 5xx, 429, truncation, HTML and slow bodies during the wait", async () => {
    const task = await start();
    sim.faults.add(
      { operation: pollOp, kind: "reset-before" },
      { operation: pollOp, kind: "status", status: 503, times: 2 },
      { operation: pollOp, kind: "reset-after" },
      { operation: pollOp, kind: "status", status: 429, retryAfter: "0.01" },
      { operation: pollOp, kind: "truncate" },
      { operation: pollOp, kind: "non-json" },
      { operation: pollOp, kind: "slow", ms: 30 },
    );
    const result = await task.wait(FAST_WAIT);
    expect(JSON.stringify(result)).toContain("/__sim/files/");
    expect(sim.faults.pending()).toHaveLength(0);
    expect(sim.ledger.createCount(c.createOp)).toBe(1);
    const faulted = sim.ledger.requests({ operationId: pollOp }).filter((e) => e.fault);
    expect(faulted.length).toBeGreaterThanOrEqual(8);
  });

  it("a persistent poll outage fails the wait with a typed error; the task is resumed afterwards", async () => {
    const task = await start();
    sim.faults.add({ operation: pollOp, kind: "status", status: 503, times: 1000 });
    const error = await failure(task.wait(FAST_WAIT));
    expect(error).toBeInstanceOf(GenError);
    expect((error as GenError).kind).toBe("server_error");
    sim.faults.clear();
    const result = await c.client(sim).resume(task.handle).wait(FAST_WAIT);
    expect(JSON.stringify(result)).toContain("/__sim/files/");
    expect(sim.ledger.createCount(c.createOp)).toBe(1);
  });

  it("a task the vendor fails surfaces as TaskFailedError with the vendor's reason", async () => {
    sim.faults.add({ operation: c.createOp, kind: "task-outcome", state: "failed", reason: "nsfw prompt" });
    const task = await start();
    const error = await failure(task.wait(FAST_WAIT));
    expect(error).toBeInstanceOf(TaskFailedError);
    expect((error as TaskFailedError).handle.taskId).toBe(task.taskId);
    expect(sim.ledger.createCount(c.createOp)).toBe(1);
  });
});
