import { describe, expect, it } from "vitest";
import { classifyNetworkErrorLazily, guardBodyLazily } from "./classify-network-error-lazily.js";
import { AbortedError, NetworkError, TimeoutError } from "./errors/index.js";
import type { TransportRequest } from "./types.js";

const refused = (): Error =>
  Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED", syscall: "connect" });
const request = (signal: AbortSignal): TransportRequest => ({
  url: "https://api.example.test/v1/create?token=hidden",
  method: "POST",
  headers: {},
  signal,
});

describe("classifyNetworkErrorLazily", () => {
  it("gives the same verdict as the classifier it loads", async () => {
    const error = await classifyNetworkErrorLazily(refused(), request(new AbortController().signal));
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).sent).toBe(false);
    expect(error.message).toBe(
      "POST https://api.example.test/v1/create failed: connection refused (ECONNREFUSED); the request was not sent",
    );
  });

  it("judges the signal at the moment of failure, not once the classifier has loaded", async () => {
    const controller = new AbortController();
    const pending = classifyNetworkErrorLazily(refused(), request(controller.signal));
    controller.abort(new TimeoutError("late", { timeoutMs: 1 }));
    const error = await pending;
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).sent).toBe(false);
  });

  it("lets an abort that came first win", async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await classifyNetworkErrorLazily(refused(), request(controller.signal))).toBeInstanceOf(
      AbortedError,
    );
  });

  it("re-labels a body that fails while streaming as sent", async () => {
    async function* chunks(): AsyncGenerator<Uint8Array> {
      yield new Uint8Array([1]);
      throw refused();
    }
    const seen: number[] = [];
    const failure = await (async () => {
      for await (const chunk of guardBodyLazily(chunks(), request(new AbortController().signal)))
        seen.push(chunk.length);
    })().catch((error: unknown) => error);
    expect(seen).toEqual([1]);
    expect(failure).toBeInstanceOf(NetworkError);
    expect((failure as NetworkError).sent).toBe(true);
    expect((failure as NetworkError).message).toContain("while reading the response");
  });
});
