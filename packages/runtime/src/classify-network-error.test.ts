import { describe, expect, it } from "vitest";
import { classifyNetworkError, isUnsentError } from "./classify-network-error.js";
import { AbortedError, NetworkError, TimeoutError } from "./errors/index.js";
import type { TransportRequest } from "./types.js";

function sysError(code: string, syscall?: string): Error {
  return Object.assign(new Error(`${syscall ?? "op"} ${code}`), { code, syscall });
}
function fetchFailed(cause: unknown): TypeError {
  return new TypeError("fetch failed", { cause });
}

describe("isUnsentError", () => {
  it.each<[string, unknown, boolean]>([
    ["ECONNREFUSED", sysError("ECONNREFUSED", "connect"), false],
    ["ENOTFOUND", sysError("ENOTFOUND", "getaddrinfo"), false],
    ["EAI_AGAIN", sysError("EAI_AGAIN", "getaddrinfo"), false],
    ["connect timeout", sysError("UND_ERR_CONNECT_TIMEOUT"), false],
    ["OS connect timeout", sysError("ETIMEDOUT", "connect"), false],
    ["TLS wrong version", sysError("ERR_SSL_WRONG_VERSION_NUMBER"), false],
    ["TLS handshake alert", sysError("ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE"), false],
    ["untrusted certificate", sysError("DEPTH_ZERO_SELF_SIGNED_CERT"), false],
    ["fetch failed: refused", fetchFailed(sysError("ECONNREFUSED", "connect")), false],
    ["fetch: blocked port", fetchFailed(new Error("bad port")), false],
    [
      "happy eyeballs, all refused",
      new AggregateError([sysError("ECONNREFUSED"), sysError("ECONNREFUSED")]),
      false,
    ],
    [
      "happy eyeballs, one reset",
      new AggregateError([sysError("ECONNREFUSED"), sysError("ECONNRESET")]),
      true,
    ],
    ["reset after write", sysError("ECONNRESET", "read"), true],
    ["socket hang up", sysError("UND_ERR_SOCKET"), true],
    ["headers timeout", sysError("UND_ERR_HEADERS_TIMEOUT"), true],
    ["body timeout", sysError("UND_ERR_BODY_TIMEOUT"), true],
    ["TLS record error after handshake", sysError("ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC"), true],
    ["fetch failed: terminated", fetchFailed(sysError("UND_ERR_SOCKET")), true],
    ["browser fetch failure (no cause)", new TypeError("Failed to fetch"), true],
    ["not an error", "boom", true],
  ])("%s -> sent %s", (_name, error, sent) => {
    expect(isUnsentError(error)).toBe(!sent);
  });
});

describe("classifyNetworkError", () => {
  const request = (signal = new AbortController().signal): TransportRequest => ({
    url: "https://api.example.test/v1/create?token=hidden#frag",
    method: "POST",
    headers: { authorization: "Bearer secret" },
    signal,
  });

  it("builds a NetworkError naming method, URL without query and code", () => {
    const error = classifyNetworkError(sysError("ECONNREFUSED", "connect"), request());
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).sent).toBe(false);
    expect(error.message).toBe(
      "POST https://api.example.test/v1/create failed: connection refused (ECONNREFUSED); the request was not sent",
    );
    expect(error.code).toBe("ECONNREFUSED");
    expect(error.retryable).toBe(true);
  });

  it("marks failures after a response arrived as sent, whatever the code", () => {
    const error = classifyNetworkError(sysError("ECONNREFUSED"), request(), true) as NetworkError;
    expect(error.sent).toBe(true);
    expect(error.message).toContain("while reading the response");
  });

  it("lets the abort reason win over the thrown error", () => {
    const timeout = new TimeoutError("pipeline timeout", { timeoutMs: 5 });
    expect(classifyNetworkError(new Error("x"), request(AbortSignal.abort(timeout)))).toBe(timeout);
    const dom = classifyNetworkError(
      new Error("x"),
      request(AbortSignal.abort(new DOMException("t", "TimeoutError"))),
    );
    expect(dom).toBeInstanceOf(TimeoutError);
    const aborted = classifyNetworkError(new Error("x"), request(AbortSignal.abort()));
    expect(aborted).toBeInstanceOf(AbortedError);
    expect(aborted.message).not.toContain("hidden");
  });
});
