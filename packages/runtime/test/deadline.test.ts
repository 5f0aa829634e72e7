import { afterEach, describe, expect, it } from "vitest";
import { createVendorClient } from "../src/create-vendor-client.js";
import { TimeoutError } from "../src/errors/index.js";
import { LightAbortController } from "../src/light-abort-controller.js";
import type { ClientOptions } from "../src/types.js";
import { acmeVendor, KEY } from "./helpers/acme-vendor.js";
import { json, type LoopbackServer, startServer } from "./helpers/loopback-server.js";

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe("deadlines on the default transport (one shared timer, light signals)", () => {
  it("times out the slow request of two concurrent ones and answers the other", async () => {
    const s = await startServer((req, res) => {
      if (req.url.includes("slow")) setTimeout(() => json(res, 200, { code: 0, data: {} }), 300);
      else json(res, 200, { code: 0, msg: "ok", data: { fast: true } });
    });
    servers.push(s);
    const client = createVendorClient(acmeVendor(), {
      baseUrl: `${s.url}/v1`,
      allowInsecureLoopback: true,
      apiKey: KEY,
      env: {},
      retry: { maxAttempts: 1 },
    } as ClientOptions);
    const slow = client.request({ method: "GET", path: "/slow", kind: "read", timeoutMs: 30 });
    const fast = client.request({ method: "GET", path: "/fast", kind: "read", timeoutMs: 5_000 });
    const [slowResult, fastResult] = await Promise.allSettled([slow, fast]);
    expect(slowResult.status).toBe("rejected");
    expect((slowResult as PromiseRejectedResult).reason).toBeInstanceOf(TimeoutError);
    expect((fastResult as PromiseFulfilledResult<{ data: unknown }>).value.data).toEqual({ fast: true });
  });

  it("aborts a request when the caller's signal fires", async () => {
    const s = await startServer((_req, res) => {
      setTimeout(() => json(res, 200, { code: 0, data: {} }), 300);
    });
    servers.push(s);
    const client = createVendorClient(acmeVendor(), {
      baseUrl: `${s.url}/v1`,
      allowInsecureLoopback: true,
      apiKey: KEY,
      env: {},
    } as ClientOptions);
    const controller = new AbortController();
    const pending = client.request({ method: "GET", path: "/x", kind: "read", signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(pending).rejects.toMatchObject({ kind: "aborted" });
  });
});

describe("LightAbortController", () => {
  it("notifies listeners once with the reason, and not removed ones", () => {
    const controller = new LightAbortController();
    const seen: unknown[] = [];
    const kept = () => seen.push(controller.signal.reason);
    const removed = () => seen.push("removed");
    controller.signal.addEventListener("abort", kept);
    controller.signal.addEventListener("abort", removed);
    controller.signal.removeEventListener("abort", removed);
    expect(controller.signal.aborted).toBe(false);
    controller.abort("why");
    controller.abort("again");
    expect(controller.signal.aborted).toBe(true);
    expect(seen).toEqual(["why"]);
    expect(() => controller.signal.throwIfAborted()).toThrow("why");
  });
});
