import { describe, expect, it } from "vitest";
import { decideRetry, type RequestKind } from "../src/decide-retry.js";
import { mapVendorError } from "../src/map-vendor-error.js";
import { acme, answer, type Given, refused, retryTable } from "./helpers/retry-table.js";

// Given one failed attempt (what happened, for each request kind: helpers/retry-table.ts), want:
// retry or stop, whether it was sent, and the error kind thrown when it stops. The pipeline obeys
// the same table over loopback servers (decide-retry-loopback.test.ts).

const policy = { baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 60_000 };
const columns: Array<[RequestKind, number]> = [
  ["create", 2],
  ["read", 3],
  ["upload", 3],
  ["poll", 4],
];

describe("decideRetry: kind x event -> retry? sent? error", () => {
  for (const [event, given, ...wants] of retryTable) {
    for (const [kind, column] of columns) {
      const want = wants[column - 2]!;
      if (want === "-") continue;
      it(`${kind}: ${event} -> ${want}`, () => {
        const g = given();
        const d = decideRetry({ kind, attempt: 1, maxAttempts: 3, policy, ...g });
        expect(`${d.retry ? "retry" : "stop"} ${d.sent} ${d.errorKind}`).toBe(want);
        // A retry of a request says how long to wait; a poll's next time is the wait's schedule.
        if (d.retry && kind !== "poll") expect(d.delayMs).toBeGreaterThanOrEqual(0);
        else expect(d.delayMs).toBeUndefined();
      });
    }
  }

  it("names each event once, and every want reads `retry|stop no|maybe|yes <error kind>`", () => {
    expect(new Set(retryTable.map((r) => r[0])).size).toBe(retryTable.length);
    const wants = retryTable.flatMap(([, , ...w]) => w).filter((w) => w !== "-");
    for (const want of wants) expect(want).toMatch(/^(retry|stop) (no|maybe|yes) [a-z_]+$/);
    // Requests (create, read) are judged on every event a request can meet.
    expect(
      retryTable.filter(([, , create, read]) => create === "-" || read === "-").map((r) => r[0]),
    ).toEqual(["the wait's own deadline ran out mid-poll", "the poll function threw a TypeError"]);
  });

  it("never resubmits a create that may have arrived without a readable answer", () => {
    for (const [, given, create] of retryTable) {
      if (create === "-") continue;
      for (let attempt = 1; attempt <= 3; attempt++) {
        const d = decideRetry({ kind: "create", maxAttempts: 3, policy, ...given(), attempt });
        if (d.sent === "maybe" || d.errorKind === "ambiguous_submission") expect(d.retry).toBe(false);
      }
    }
  });
});

describe("decideRetry: how long to wait", () => {
  const at = (attempt: number, given: Given, kind: RequestKind = "read", random = () => 0.5) =>
    decideRetry({ kind, attempt, maxAttempts: 20, policy, random, ...given }).delayMs;

  it("backs off exponentially with full jitter, capped by maxDelayMs", () => {
    expect([1, 2, 3, 4, 5, 10].map((n) => at(n, answer(503)))).toEqual([50, 100, 200, 400, 500, 500]);
    expect(at(1, answer(503), "read", () => 0)).toBe(0);
  });

  it("honours Retry-After exactly, from the header or the rate-limit error", () => {
    expect(at(1, { ...answer(503), retryAfterMs: 1000 })).toBe(1000);
    expect(at(4, answer(429, undefined, 2500))).toBe(2500);
    expect(at(1, { ...answer(429), retryAfterMs: 0 })).toBe(0);
    const over = decideRetry({
      kind: "read",
      attempt: 1,
      maxAttempts: 3,
      policy: { ...policy, maxRetryAfterMs: 999 },
      ...answer(429, undefined, 1000),
    });
    expect(over.retry).toBe(false);
  });

  it("waits at least the code's retryDelayMs, capped by maxDelayMs", () => {
    const code = { kind: "rate_limited" as const, message: "busy", retryCreate: 2, retryDelayMs: 4000 };
    const busy = { error: mapVendorError(acme, { status: 200, code: "1003" }), code };
    expect(at(1, busy, "create", () => 0)).toBe(1000);
    expect(at(1, { ...busy, code: { ...code, retryDelayMs: 30 } }, "create", () => 0)).toBe(30);
    // The floor belongs to a vendor answer: a network failure with the same code string ignores it.
    expect(at(1, { error: refused(), code }, "create", () => 0)).toBe(0);
  });

  it("counts the resubmissions a vendor code grants a create", () => {
    const busy = answer(200, "1003");
    const first = decideRetry({ kind: "create", attempt: 1, maxAttempts: 5, policy, ...busy });
    expect(first).toMatchObject({ retry: true, createRetries: 1 });
    const second = decideRetry({
      kind: "create",
      attempt: 2,
      maxAttempts: 5,
      policy,
      ...busy,
      createRetries: 1,
    });
    expect(second).toMatchObject({ retry: false, createRetries: 1, errorKind: "rate_limited" });
    // A create that never left is resubmitted without spending the vendor's grant.
    const unsent = decideRetry({ kind: "create", attempt: 1, maxAttempts: 5, policy, error: refused() });
    expect(unsent).toMatchObject({ retry: true, createRetries: 0 });
  });
});
