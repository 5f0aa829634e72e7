import { setTimeout as delay } from "node:timers/promises";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AmbiguousSubmissionError,
  GenError,
  InvalidResponseError,
  RateLimitedError,
  TimeoutError,
} from "../../packages/runtime/src/index.ts";
import { failure, type Simulator, simulatorFor, vendorCases } from "./helpers/vendor-cases.ts";

/** A paid create that may have reached the vendor must never be repeated, and never be lost. */
describe.each(vendorCases)("create faults: $vendor", (c) => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await simulatorFor(c);
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());

  const creates = () => sim.ledger.createCount(c.createOp);
  const createRequests = () => sim.ledger.requests({ operationId: c.createOp }).length;
  const taskWithMarker = () => sim.tasks.list().filter((t) => JSON.stringify(t.input).includes(c.marker));

  it("reset after the vendor received it: AmbiguousSubmissionError with the request, exactly one create", async () => {
    sim.faults.add({ operation: c.createOp, kind: "reset-after" });
    const error = await failure(c.client(sim).create());
    expect(error).toBeInstanceOf(AmbiguousSubmissionError);
    const sent = (error as AmbiguousSubmissionError).request;
    expect(sent.method).toBe("POST");
    expect(sent.url.startsWith(sim.origin)).toBe(true);
    expect(JSON.stringify(sent.body)).toContain(c.marker);
    expect(creates()).toBe(1);
    expect(createRequests()).toBe(1);
    if (c.pollOp) expect(taskWithMarker()).toHaveLength(1);
  });

  it("reset before the vendor read it: a typed error and no create, or one safe retry", async () => {
    sim.faults.add({ operation: c.createOp, kind: "reset-before" });
    const error = await failure(c.client(sim).create());
    if (error === undefined) {
      expect(creates()).toBe(1);
    } else {
      expect(error).toBeInstanceOf(GenError);
      expect(creates()).toBe(0);
    }
    expect(createRequests()).toBeLessThanOrEqual(2);
  });

  it("a 5xx burst surfaces as a server error, never a duplicate", async () => {
    sim.faults.add({ operation: c.createOp, kind: "status", status: 503, times: 3 });
    const error = await failure(c.client(sim).create());
    expect(error).toBeInstanceOf(GenError);
    expect((error as GenError).kind).toBe("server_error");
    expect((error as GenError).status).toBe(503);
    expect(creates()).toBe(0);
  });

  it("429 with Retry-After surfaces as RateLimitedError carrying the wait", async () => {
    sim.faults.add({ operation: c.createOp, kind: "status", status: 429, retryAfter: 2 });
    const error = await failure(c.client(sim).create());
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBe(2000);
    expect(creates()).toBe(0);
  });

  it("a slow response within the timeout succeeds with one create", async () => {
    sim.faults.add({ operation: c.createOp, kind: "slow", ms: 60 });
    await expect(c.client(sim, { timeoutMs: 5000 }).create()).resolves.toBeDefined();
    expect(creates()).toBe(1);
    expect(createRequests()).toBe(1);
  });

  it("a response slower than the timeout: AmbiguousSubmissionError, the late create is found, not repeated", async () => {
    sim.faults.add({ operation: c.createOp, kind: "delay", ms: 150 });
    const error = await failure(c.client(sim, { timeoutMs: 40 }).create());
    expect(error).toBeInstanceOf(AmbiguousSubmissionError);
    expect((error as GenError).cause).toBeInstanceOf(TimeoutError);
    await delay(250);
    expect(creates()).toBe(1);
    expect(createRequests()).toBe(1);
    if (c.pollOp) expect(taskWithMarker()).toHaveLength(1);
  });

  it("a truncated body after the create was processed: AmbiguousSubmissionError, not a lost task", async () => {
    sim.faults.add({ operation: c.createOp, kind: "truncate" });
    const error = await failure(c.client(sim).create());
    expect(error).toBeInstanceOf(AmbiguousSubmissionError);
    expect(JSON.stringify((error as AmbiguousSubmissionError).request.body)).toContain(c.marker);
    expect(creates()).toBe(1);
    expect(createRequests()).toBe(1);
  });

  it("a non-JSON gateway page surfaces as a typed error with no create", async () => {
    sim.faults.add({ operation: c.createOp, kind: "non-json", status: 200 });
    const error = await failure(c.client(sim).create());
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(creates()).toBe(0);
    expect(createRequests()).toBe(1);
  });

  it("a 502 gateway page surfaces as a typed server error with no create", async () => {
    sim.faults.add({ operation: c.createOp, kind: "non-json" });
    const error = await failure(c.client(sim).create());
    expect(error).toBeInstanceOf(GenError);
    expect(["server_error", "invalid_response"]).toContain((error as GenError).kind);
    expect(creates()).toBe(0);
  });
});
