import {
  AmbiguousSubmissionError,
  ContentRejectedError,
  GenError,
  InvalidRequestError,
  InvalidResponseError,
  RateLimitedError,
  VendorServerError,
} from "@gen/runtime";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { edrawmaxVendor } from "../src/index.js";
import { type EdrawmaxHarness, startEdrawmax } from "./helpers/start-edrawmax.js";

let h: EdrawmaxHarness;
beforeAll(async () => {
  h = await startEdrawmax();
});
afterAll(() => h.close());
beforeEach(() => {
  h.sim.reset();
  h.seen.length = 0;
  h.retries.length = 0;
});

type ErrorClass = abstract new (...args: never[]) => Error;
const attempts = () => h.sim.ledger.entries.filter((e) => e.operationId === "generateInfographic").length;
const generate = () => h.client.generateInfographic({ prompt: "market share" }).catch((e: unknown) => e);

describe("vendor error codes", () => {
  const table: Array<{ code: number; type: ErrorClass; retried: boolean }> = [
    { code: 400, type: InvalidRequestError, retried: false },
    { code: 2406, type: ContentRejectedError, retried: false },
    { code: 3001, type: RateLimitedError, retried: true },
    { code: 212200, type: VendorServerError, retried: true },
    { code: 212201, type: VendorServerError, retried: true },
    { code: 500, type: VendorServerError, retried: false },
  ];

  it.each(table)(
    "$code persisting -> $type.name (retried once: $retried)",
    async ({ code, type, retried }) => {
      h.sim.faults.add({
        operation: "generateInfographic",
        kind: "error",
        code,
        message: `sim ${code}`,
        times: 5,
      });
      const error = await generate();
      expect(error).toBeInstanceOf(type);
      expect((error as GenError).code).toBe(String(code));
      expect((error as GenError).vendor).toBe("edrawmax");
      expect((error as GenError).vendorMessage).toBe(`sim ${code}`);
      expect(attempts()).toBe(retried ? 2 : 1);
      expect(h.retries).toHaveLength(retried ? 1 : 0);
    },
  );

  it.each(table.filter((t) => t.retried))(
    "$code once, then success: retried once and resolves",
    async ({ code }) => {
      h.sim.faults.add({ operation: "generateInfographic", kind: "error", code, times: 1 });
      const out = await h.client.generateInfographic({ prompt: "market share" });
      expect(out.source).toContain("market share");
      expect(attempts()).toBe(2);
      expect(h.sim.ledger.createCount("generateInfographic")).toBe(1);
    },
  );

  it("never retries 2406, even with a generous retry budget", async () => {
    const client = h.clientWith({ retry: { maxAttempts: 10 } });
    h.sim.faults.add({ operation: "generateInfographic", kind: "error", code: 2406, times: 5 });
    const error = await client.generateInfographic({ prompt: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentRejectedError);
    expect(attempts()).toBe(1);
  });

  it("waits the configured time before the single retry", async () => {
    const client = h.clientWith({ retry: { baseDelayMs: 2, maxDelayMs: 4 } });
    h.sim.faults.add({ operation: "generateInfographic", kind: "error", code: 3001, times: 5 });
    await client.generateInfographic({ prompt: "x" }).catch(() => undefined);
    expect(h.retries).toHaveLength(1);
    const delay = h.retries[0]!.delayMs;
    expect(delay).toBeGreaterThanOrEqual(0);
    expect(delay).toBeLessThanOrEqual(4);
  });

  it("waits at least the vendor's advised delay (capped by retry.maxDelayMs), not a zero jitter", async () => {
    const client = h.clientWith({ retry: { baseDelayMs: 0, maxDelayMs: 6 } });
    h.sim.faults.add({ operation: "generateInfographic", kind: "error", code: 212201, times: 1 });
    await client.generateInfographic({ prompt: "x" });
    expect(h.retries.map((r) => r.delayMs)).toEqual([6]);
  });

  it("catalog carries the vendor's advice: retry once, with a short wait, for 3001/212200/212201 only", () => {
    const retried = Object.entries(edrawmaxVendor.errors ?? {})
      .filter(([, d]) => d.retryCreate)
      .map(([code, d]) => [code, d.retryCreate, (d.retryDelayMs ?? 0) > 0]);
    expect(retried.sort()).toEqual([
      ["212200", 1, true],
      ["212201", 1, true],
      ["3001", 1, true],
    ]);
  });

  it("gives the user message in the client's language", async () => {
    const client = h.clientWith({ language: "zh" });
    h.sim.faults.add({ operation: "generateInfographic", kind: "error", code: 2406 });
    const error = (await client.generateInfographic({ prompt: "x" }).catch((e: unknown) => e)) as GenError;
    expect(error.userMessage).toContain("风控");
  });
});

describe("bad responses and lost connections: typed errors, no duplicate create", () => {
  it("non-JSON gateway page -> typed error, not retried", async () => {
    h.sim.faults.add({ operation: "generateInfographic", kind: "non-json", status: 200 });
    const error = await generate();
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(attempts()).toBe(1);
  });

  it("HTTP 503 on a create is not retried (the vendor may have started the work)", async () => {
    h.sim.faults.add({ operation: "generateInfographic", kind: "status", status: 503, times: 3 });
    const error = await generate();
    expect(error).toBeInstanceOf(GenError);
    expect(attempts()).toBe(1);
  });

  it.each(["reset-after", "truncate"] as const)(
    "%s after the vendor did the work -> typed error, one create",
    async (kind) => {
      h.sim.faults.add({ operation: "generateInfographic", kind });
      const error = await generate();
      expect(error).toBeInstanceOf(GenError);
      if (kind === "reset-after") expect(error).toBeInstanceOf(AmbiguousSubmissionError);
      expect(h.sim.ledger.createCount("generateInfographic")).toBe(1);
      expect(attempts()).toBe(1);
    },
  );
});
