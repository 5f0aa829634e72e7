import { describe, expect, it } from "vitest";
import { decodeResponse } from "../src/decode-response.js";
import {
  AuthenticationError,
  ContentRejectedError,
  InsufficientCreditsError,
  InvalidRequestError,
  InvalidResponseError,
  NotFoundError,
  RateLimitedError,
  VendorServerError,
} from "../src/errors/index.js";
import { backoffDelay, parseRetryAfter } from "../src/retry-policy.js";
import { acmeVendor } from "./helpers/acme-vendor.js";

const vendor = acmeVendor();
const decode = (status: number, body: unknown, headers: Record<string, string> = {}, language?: string) =>
  decodeResponse(
    vendor,
    { status, headers, text: typeof body === "string" ? body : JSON.stringify(body) },
    { language },
  );

describe("decodeResponse", () => {
  it("unwraps a success envelope, codes compared as strings", () => {
    const r = decode(200, { code: "0", msg: "ok", data: { task_id: "t1" }, trace_id: "tr-9" });
    expect(r).toEqual({ ok: true, data: { task_id: "t1" }, requestId: "tr-9" });
  });

  it("falls back to x-request-id", () => {
    const r = decode(200, { code: 0, data: 1 }, { "x-request-id": "h-1" });
    expect(r).toEqual({ ok: true, data: 1, requestId: "h-1" });
  });

  it.each([
    [200, "1001", AuthenticationError, false],
    [200, "1002", InsufficientCreditsError, false],
    [200, "1003", RateLimitedError, true],
    [200, "1004", VendorServerError, true],
    [200, "1005", ContentRejectedError, false],
    [401, "77", AuthenticationError, false],
    [403, "77", AuthenticationError, false],
    [402, "77", InsufficientCreditsError, false],
    [404, "77", NotFoundError, false],
    [408, "77", RateLimitedError, true],
    [429, "77", RateLimitedError, true],
    [502, "77", VendorServerError, true],
    [200, "77", InvalidRequestError, false],
    [400, "77", InvalidRequestError, false],
  ] as const)("HTTP %i code %s -> %o", (status, code, type, retryable) => {
    const r = decode(status, { code, msg: "vendor says no", trace_id: "tr-1" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBeInstanceOf(type);
    expect(r.error.code).toBe(code);
    expect(r.error.status).toBe(status);
    expect(r.error.vendorMessage).toBe("vendor says no");
    expect(r.error.requestId).toBe("tr-1");
    expect(r.error.vendor).toBe("acme");
    expect(r.error.retryable).toBe(retryable);
    expect(r.error.userMessage.length).toBeGreaterThan(0);
  });

  it("uses the vendor's wording in the requested language", () => {
    const r = decode(200, { code: 1001, msg: "x" }, {}, "zh-CN");
    expect(!r.ok && r.error.userMessage).toBe("密钥无效");
    const en = decode(200, { code: 1001, msg: "x" });
    expect(!en.ok && en.error.userMessage).toBe("Bad key");
  });

  it("carries Retry-After on rate limits", () => {
    const r = decode(429, "", { "retry-after": "3" });
    expect(!r.ok && (r.error as RateLimitedError).retryAfterMs).toBe(3000);
  });

  it.each([
    ["truncated JSON", '{"code":0,"data":{"task'],
    ["HTML", "<html>gateway</html>"],
    ["missing code field", { data: 1 }],
  ])("%s -> InvalidResponseError with raw text", (_n, body) => {
    const r = decode(200, body);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBeInstanceOf(InvalidResponseError);
    expect((r.error as InvalidResponseError).raw).toBe(
      typeof body === "string" ? body : JSON.stringify(body),
    );
  });

  it("maps a non-JSON error status by status", () => {
    const r = decode(503, "<html>down</html>");
    expect(!r.ok && r.error).toBeInstanceOf(VendorServerError);
  });

  it("truncates raw text", () => {
    const r = decode(200, `{${"x".repeat(5000)}`);
    expect(!r.ok && (r.error as InvalidResponseError).raw.length).toBeLessThan(2100);
  });

  it("returns the whole body without an envelope", () => {
    const r = decodeResponse(acmeVendor({ envelope: undefined }), {
      status: 200,
      headers: {},
      text: '{"a":1}',
    });
    expect(r).toEqual({ ok: true, data: { a: 1 } });
  });
});

describe("retry helpers", () => {
  it.each([
    ["2", 2000],
    ["0", 0],
    ["1.5", 1500],
    ["soon", undefined],
    ["", undefined],
  ])("Retry-After %j -> %s", (value, want) => {
    expect(parseRetryAfter(value)).toBe(want);
  });

  it("parses an HTTP date relative to now", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Wed, 31 Dec 2025 23:00:00 GMT", now)).toBe(0);
  });

  it("backs off exponentially with full jitter, capped", () => {
    expect(backoffDelay(0, 100, 1000, () => 0.999)).toBe(99);
    expect(backoffDelay(3, 100, 1000, () => 0.999)).toBe(799);
    expect(backoffDelay(10, 100, 1000, () => 0.999)).toBe(999);
    expect(backoffDelay(3, 100, 1000, () => 0)).toBe(0);
  });
});
