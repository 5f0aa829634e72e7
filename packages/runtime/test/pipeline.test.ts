import type { AddressInfo } from "node:net";
import { createServer as createNetServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createVendorClient } from "../src/create-vendor-client.js";
import {
  AbortedError,
  AmbiguousSubmissionError,
  AuthenticationError,
  HostNotAllowedError,
  InvalidResponseError,
  MissingCredentialError,
  NetworkError,
  RateLimitedError,
  TimeoutError,
  VendorServerError,
} from "../src/errors/index.js";
import type { ClientOptions, RetryInfo, VendorDefinition } from "../src/types.js";
import { acmeVendor, KEY } from "./helpers/acme-vendor.js";
import { json, type LoopbackServer, startServer } from "./helpers/loopback-server.js";

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(handler: Parameters<typeof startServer>[0]): Promise<LoopbackServer> {
  const s = await startServer(handler);
  servers.push(s);
  return s;
}

function client(s: { url: string }, options: ClientOptions = {}, vendor: VendorDefinition = acmeVendor()) {
  return createVendorClient(vendor, {
    baseUrl: `${s.url}/v1`,
    allowInsecureLoopback: true,
    apiKey: KEY,
    env: {},
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...options,
  } as ClientOptions);
}

const ok = (data: unknown) => ({ code: 0, msg: "ok", data, trace_id: "tr-1" });

describe("auth and headers", () => {
  it("sends the api key, user agent, client and call headers and unwraps the envelope", async () => {
    const s = await server((_q, res) => json(res, 200, ok({ n: 1 })));
    const c = client(s, { headers: { "X-Client": "c" } });
    const r = await c.request({
      method: "POST",
      path: "/echo",
      kind: "read",
      body: { a: 1 },
      headers: { "X-Call": "k" },
    });
    expect(r.data).toEqual({ n: 1 });
    expect(r.requestId).toBe("tr-1");
    const got = s.received[0]!;
    expect(got.url).toBe("/v1/echo");
    expect(got.headers["x-acme-key"]).toBe(KEY);
    expect(got.headers["user-agent"]).toBe("@gen/acme (runtime 0.1.0)");
    expect(got.headers["x-client"]).toBe("c");
    expect(got.headers["x-call"]).toBe("k");
    expect(got.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(got.body)).toEqual({ a: 1 });
  });

  it("sends Basic key:secret plus the key header", async () => {
    const s = await server((_q, res) => json(res, 200, ok(null)));
    const vendor = acmeVendor({
      auth: {
        type: "basic",
        key: { option: "appKey", env: ["ACME_APP_KEY"] },
        secret: { option: "appSecret", env: ["ACME_APP_SECRET"] },
        keyHeader: "X-App-Key",
      },
    });
    const c = client(s, { env: { ACME_APP_KEY: "k1", ACME_APP_SECRET: "s1" } }, vendor);
    await c.request({ method: "GET", path: "/x", kind: "read" });
    expect(s.received[0]!.headers.authorization).toBe(`Basic ${Buffer.from("k1:s1").toString("base64")}`);
    expect(s.received[0]!.headers["x-app-key"]).toBe("k1");
  });

  it("sends a bearer token plus fixed headers; options win over env", async () => {
    const s = await server((_q, res) => json(res, 200, ok(null)));
    const vendor = acmeVendor({
      auth: {
        type: "bearer",
        credential: { option: "apiKey", env: ["ACME_A", "ACME_B"] },
        headers: { "x-app-source": "sdk" },
      },
    });
    await client(s, { apiKey: "opt-token", env: { ACME_B: "env-token" } } as ClientOptions, vendor).request({
      method: "GET",
      path: "/x",
      kind: "read",
    });
    await client(s, { apiKey: undefined, env: { ACME_B: "env-token" } } as ClientOptions, vendor).request({
      method: "GET",
      path: "/x",
      kind: "read",
    });
    expect(s.received.map((r) => r.headers.authorization)).toEqual(["Bearer opt-token", "Bearer env-token"]);
    expect(s.received[0]!.headers["x-app-source"]).toBe("sdk");
  });

  it("raises MissingCredentialError naming option and env before any request", async () => {
    const s = await server((_q, res) => json(res, 200, ok(null)));
    const vendor = acmeVendor({
      auth: {
        type: "apiKey",
        header: "X-Acme-Key",
        credential: { option: "apiKey", env: ["ACME_API_KEY", "ACME_KEY"] },
      },
    });
    const c = client(s, { apiKey: undefined } as ClientOptions, vendor);
    const error = await c.request({ method: "GET", path: "/x", kind: "read" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingCredentialError);
    expect((error as Error).message).toContain("apiKey");
    expect((error as Error).message).toContain("ACME_API_KEY");
    expect((error as Error).message).toContain("ACME_KEY");
    expect(s.received).toHaveLength(0);
  });

  it("sends nothing for auth none", async () => {
    const s = await server((_q, res) => json(res, 200, ok(null)));
    await client(s, { apiKey: undefined } as ClientOptions, acmeVendor({ auth: { type: "none" } })).request({
      method: "GET",
      path: "/x",
      kind: "read",
    });
    expect(s.received[0]!.headers["x-acme-key"]).toBeUndefined();
    expect(s.received[0]!.headers.authorization).toBeUndefined();
  });

  it("never puts the key in an error, even when the vendor echoes it", async () => {
    const s = await server((q, res) =>
      json(res, 200, { code: 1001, msg: `bad key ${q.headers["x-acme-key"]}` }),
    );
    const error = (await client(s)
      .request({ method: "GET", path: "/x", kind: "read" })
      .catch((e: unknown) => e)) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(KEY);
    expect(error.vendorMessage).toContain("[redacted]");
  });

  it("refuses a base URL off the host list before sending", async () => {
    const c = createVendorClient(acmeVendor(), {
      baseUrl: "https://evil.test/v1",
      apiKey: KEY,
    } as ClientOptions);
    await expect(c.request({ method: "GET", path: "/x", kind: "read" })).rejects.toBeInstanceOf(
      HostNotAllowedError,
    );
    const plain = createVendorClient(acmeVendor(), {
      baseUrl: "http://127.0.0.1:9/v1",
      apiKey: KEY,
    } as ClientOptions);
    await expect(plain.request({ method: "GET", path: "/x", kind: "read" })).rejects.toBeInstanceOf(
      HostNotAllowedError,
    );
  });
});

describe("credentialed hosts", () => {
  it("sends credentials to credentialed upload hosts only, for absolute URLs", async () => {
    const up = await server((_q, res) => json(res, 200, ok("up")));
    const route: typeof fetch = (input, init) => fetch(`${up.url}${new URL(String(input)).pathname}`, init);
    const vendor = acmeVendor({
      hosts: {
        api: ["api.acme.test"],
        uploads: ["put.acme-up.test", "signed.acme-up.test"],
        credentialed: ["signed.acme-up.test"],
      },
    });
    const c = createVendorClient(vendor, { fetch: route, apiKey: KEY, env: {} } as ClientOptions);
    await c.request({ method: "POST", path: "https://put.acme-up.test/a", kind: "read" });
    await c.request({ method: "POST", path: "https://signed.acme-up.test/b", kind: "read" });
    await expect(
      c.request({ method: "POST", path: "https://other.acme-up.test/c", kind: "read" }),
    ).rejects.toBeInstanceOf(HostNotAllowedError);
    expect(up.received.map((r) => [r.url, r.headers["x-acme-key"]])).toEqual([
      ["/a", undefined],
      ["/b", KEY],
    ]);
  });

  it("a per-call loopback baseUrl becomes the API origin for that call", async () => {
    const a = await server((_q, res) => json(res, 200, ok("a")));
    const b = await server((_q, res) => json(res, 200, ok("b")));
    const c = client(a);
    expect((await c.request({ method: "GET", path: "/x", kind: "read", baseUrl: `${b.url}/v1` })).data).toBe(
      "b",
    );
    expect((await c.request({ method: "GET", path: `${b.url}/v1/x`, kind: "read" })).data).toBe("b");
    expect(b.received.map((r) => r.headers["x-acme-key"])).toEqual([KEY, undefined]);
  });

  it("names the option, the variables and the allowed hosts in errors", async () => {
    const error = (await createVendorClient(acmeVendor(), { env: {} })
      .request({ method: "GET", path: "/x", kind: "read" })
      .catch((e: unknown) => e)) as MissingCredentialError;
    expect(error).toMatchObject({
      option: "apiKey",
      env: ["ACME_API_KEY"],
      kind: "missing_credential",
      vendor: "acme",
    });
    const refused = (await createVendorClient(acmeVendor(), { apiKey: KEY, env: {} } as ClientOptions)
      .request({ method: "GET", path: "https://evil.test/x", kind: "read" })
      .catch((e: unknown) => e)) as HostNotAllowedError;
    expect(refused.allowed).toEqual(["api.acme.test", ".acme-cdn.test"]);
    expect(refused.message).toContain("evil.test");
  });
});

describe("redirects", () => {
  it("follows on-list hops, keeps credentials on the API origin and strips them off it", async () => {
    const other = await server((_q, res) => json(res, 200, ok("from other")));
    const api = await server((q, res) => {
      if (q.url === "/v1/a") return void res.writeHead(302, { location: "/v1/b" }).end();
      if (q.url === "/v1/b") return void res.writeHead(307, { location: `${other.url}/v1/c` }).end();
    });
    const r = await client(api).request({ method: "GET", path: "/a", kind: "read" });
    expect(r.data).toBe("from other");
    expect(api.received.map((x) => x.headers["x-acme-key"])).toEqual([KEY, KEY]);
    expect(other.received[0]!.headers["x-acme-key"]).toBeUndefined();
  });

  it("never restores credentials after a hop left the API origin", async () => {
    let apiUrl = "";
    const other = await server((_q, res) => void res.writeHead(302, { location: `${apiUrl}/v1/end` }).end());
    const api = await server((q, res) => {
      if (q.url === "/v1/start") return void res.writeHead(302, { location: `${other.url}/bounce` }).end();
      json(res, 200, ok("end"));
    });
    apiUrl = api.url;
    await client(api).request({ method: "GET", path: "/start", kind: "read" });
    expect(api.received.map((x) => x.headers["x-acme-key"])).toEqual([KEY, undefined]);
  });

  it("refuses a hop off the list and sends nothing there", async () => {
    const api = await server(
      (_q, res) => void res.writeHead(302, { location: "https://evil.test/steal" }).end(),
    );
    const error = await client(api)
      .request({ method: "GET", path: "/a", kind: "read" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostNotAllowedError);
    expect((error as HostNotAllowedError).host).toBe("evil.test");
  });

  it("refuses a hop to a non-canonical IP", async () => {
    const api = await server((_q, res) => void res.writeHead(302, { location: "//2130706433/x" }).end());
    await expect(client(api).request({ method: "GET", path: "/a", kind: "read" })).rejects.toBeInstanceOf(
      HostNotAllowedError,
    );
  });

  it("refuses more than 5 hops", async () => {
    const api = await server((q, res) => {
      const n = Number(q.url.split("/").pop());
      res.writeHead(302, { location: `/v1/${n + 1}` }).end();
    });
    const error = await client(api)
      .request({ method: "GET", path: "/0", kind: "read" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(api.received).toHaveLength(6);
  });

  it("allows exactly 5 hops", async () => {
    const api = await server((q, res) => {
      const n = Number(q.url.split("/").pop());
      if (n < 5) return void res.writeHead(302, { location: `/v1/${n + 1}` }).end();
      json(res, 200, ok(n));
    });
    expect((await client(api).request({ method: "GET", path: "/0", kind: "read" })).data).toBe(5);
  });

  it("turns a 303 after POST into a GET without body", async () => {
    const api = await server((q, res) => {
      if (q.url === "/v1/post") return void res.writeHead(303, { location: "/v1/get" }).end();
      json(res, 200, ok(q.method));
    });
    expect(
      (await client(api).request({ method: "POST", path: "/post", kind: "read", body: { a: 1 } })).data,
    ).toBe("GET");
    expect(api.received[1]!.body).toBe("");
  });

  it("checks https results hosts per hop through a user fetch, stripping credentials off the API hosts", async () => {
    const cdn = await server((_q, res) => json(res, 200, ok("cdn")));
    const api = await server(
      (_q, res) => void res.writeHead(302, { location: "https://files.acme-cdn.test/f" }).end(),
    );
    const route: typeof fetch = (input, init) => {
      const url = new URL(String(input));
      const target = url.hostname === "api.acme.test" ? api.url : cdn.url;
      return fetch(`${target}${url.pathname}`, init);
    };
    const c = createVendorClient(acmeVendor(), { fetch: route, apiKey: KEY, env: {} } as ClientOptions);
    expect((await c.request({ method: "GET", path: "/a", kind: "read" })).data).toBe("cdn");
    expect(api.received[0]!.headers["x-acme-key"]).toBe(KEY);
    expect(cdn.received[0]!.headers["x-acme-key"]).toBeUndefined();
  });
});

describe("retries", () => {
  it("retries a read on 503 and 429 and honours Retry-After seconds", async () => {
    let n = 0;
    const s = await server((_q, res) => {
      n++;
      if (n === 1) return json(res, 503, {});
      if (n === 2) return json(res, 429, {}, { "retry-after": "1" });
      json(res, 200, ok("done"));
    });
    const retries: RetryInfo[] = [];
    const r = await client(s, {
      retry: { baseDelayMs: 1, maxDelayMs: 5, onRetry: (i) => void retries.push(i) },
    }).request({
      method: "GET",
      path: "/x",
      kind: "read",
    });
    expect(r.data).toBe("done");
    expect(retries.map((x) => x.error.constructor)).toEqual([VendorServerError, RateLimitedError]);
    expect(retries[0]!.delayMs).toBeLessThanOrEqual(5);
    expect(retries[1]!.delayMs).toBe(1000);
  });

  it("honours Retry-After as an HTTP date", async () => {
    let n = 0;
    const s = await server((_q, res) => {
      if (++n === 1) return json(res, 503, {}, { "retry-after": new Date(Date.now() - 5000).toUTCString() });
      json(res, 200, ok("done"));
    });
    const retries: RetryInfo[] = [];
    await client(s, { retry: { onRetry: (i) => void retries.push(i) } }).request({
      method: "GET",
      path: "/x",
      kind: "read",
    });
    expect(retries[0]!.delayMs).toBe(0);
    const later = new Date(Date.now() + 120_000).toUTCString();
    const s2 = await server((_q, res) => json(res, 429, {}, { "retry-after": later }));
    const error = (await client(s2)
      .request({ method: "GET", path: "/x", kind: "read" })
      .catch((e: unknown) => e)) as RateLimitedError;
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.retryAfterMs).toBeGreaterThan(100_000);
    expect(s2.received).toHaveLength(1);
  });

  it("gives up after maxAttempts", async () => {
    const s = await server((_q, res) => json(res, 500, { code: 9, msg: "boom" }));
    const error = await client(s, { retry: { maxAttempts: 3, baseDelayMs: 1 } })
      .request({ method: "GET", path: "/x", kind: "read" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VendorServerError);
    expect(s.received).toHaveLength(3);
  });

  it("retries a read on a retryable vendor code", async () => {
    let n = 0;
    const s = await server((_q, res) =>
      json(res, 200, ++n === 1 ? { code: 1004, msg: "flaky" } : ok("fine")),
    );
    expect((await client(s).request({ method: "POST", path: "/x", kind: "read" })).data).toBe("fine");
  });

  it("never retries a create on 5xx", async () => {
    const s = await server((_q, res) => json(res, 502, {}));
    await expect(
      client(s).request({ method: "POST", path: "/gen", kind: "create", body: {} }),
    ).rejects.toBeInstanceOf(VendorServerError);
    expect(s.received).toHaveLength(1);
  });

  it("retries a create at most retryCreate extra times for codes that allow it", async () => {
    const s = await server((_q, res) => json(res, 200, { code: 1003, msg: "busy" }));
    const error = await client(s)
      .request({ method: "POST", path: "/gen", kind: "create", body: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(s.received).toHaveLength(2);
  });

  it("waits at least the code's retryDelayMs (capped by maxDelayMs) before retrying", async () => {
    const vendor = acmeVendor();
    const errors = {
      ...vendor.errors,
      "1003": { kind: "rate_limited" as const, message: "busy", retryCreate: 2, retryDelayMs: 4 },
    };
    const s = await server((_q, res) => json(res, 200, { code: 1003, msg: "busy" }));
    const delays: number[] = [];
    const c = client(
      s,
      { retry: { baseDelayMs: 1, maxDelayMs: 3, onRetry: (i) => void delays.push(i.delayMs) } },
      { ...vendor, errors },
    );
    await expect(
      c.request({ method: "POST", path: "/gen", kind: "create", body: {} }),
    ).rejects.toBeInstanceOf(RateLimitedError);
    expect(delays).toEqual([3, 3]);
    expect(s.received).toHaveLength(3);
  });

  it("retries a create whose connection was refused (never sent)", async () => {
    const probe = await startServer(() => {});
    const port = new URL(probe.url).port;
    await probe.close();
    let late: LoopbackServer | undefined;
    const c = client(
      { url: `http://127.0.0.1:${port}` },
      {
        retry: {
          baseDelayMs: 1,
          onRetry: async (info) => {
            expect(info.error).toBeInstanceOf(NetworkError);
            expect((info.error as NetworkError).sent).toBe(false);
            late = await startOn(Number(port), (_q, res) => json(res, 200, ok({ task_id: "t" })));
          },
        },
      },
    );
    const r = await c.request({ method: "POST", path: "/gen", kind: "create", body: {} });
    expect(r.data).toEqual({ task_id: "t" });
    expect(late!.received).toHaveLength(1);
  });
});

async function startOn(port: number, handler: Parameters<typeof startServer>[0]): Promise<LoopbackServer> {
  const { createServer } = await import("node:http");
  const received: LoopbackServer["received"] = [];
  const srv = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c));
    req.on("end", () => {
      const r = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body };
      received.push(r);
      void handler(req as typeof req & { url: string }, res, r);
    });
  });
  await new Promise<void>((resolve) => srv.listen(port, "127.0.0.1", resolve));
  const s = {
    url: `http://127.0.0.1:${port}`,
    origin: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((r) => {
        srv.closeAllConnections();
        srv.close(() => r());
      }),
  };
  servers.push(s);
  return s;
}

async function rawServer(
  onConnection: (socket: import("node:net").Socket) => void,
): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const srv: Server = createNetServer((socket) => {
    hits++;
    onConnection(socket);
  });
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  servers.push({ close: () => new Promise<void>((r) => srv.close(() => r())) });
  return { url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}`, hits: () => hits };
}

describe("resets, timeouts, aborts, bad bodies", () => {
  it("a reset after the body was sent makes a create ambiguous, without credentials in it", async () => {
    const s = await server((q) => void q.socket.destroy());
    const error = (await client(s)
      .request({ method: "POST", path: "/gen", kind: "create", body: { prompt: "cat" } })
      .catch((e: unknown) => e)) as AmbiguousSubmissionError;
    expect(error).toBeInstanceOf(AmbiguousSubmissionError);
    expect(s.received).toHaveLength(1);
    expect(error.request.body).toEqual({ prompt: "cat" });
    expect(error.request.url).toContain("/v1/gen");
    expect(JSON.stringify(error.request)).not.toContain(KEY);
    expect(error.cause).toBeInstanceOf(NetworkError);
  });

  it("a reset is retried for reads", async () => {
    let n = 0;
    const s = await server((q, res) => (++n < 3 ? void q.socket.destroy() : json(res, 200, ok("third"))));
    expect((await client(s).request({ method: "GET", path: "/x", kind: "read" })).data).toBe("third");
    expect(s.received).toHaveLength(3);
  });

  it("a reset before any request bytes are read is still ambiguous for a create", async () => {
    const raw = await rawServer((socket) => socket.destroy());
    const error = await client(raw)
      .request({ method: "POST", path: "/gen", kind: "create", body: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmbiguousSubmissionError);
    expect(raw.hits()).toBe(1);
  });

  it("a reset mid-response is retried for a read", async () => {
    let n = 0;
    const raw = await rawServer((socket) => {
      socket.once("data", () => {
        if (++n === 1) {
          socket.write(
            'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"code":0,',
          );
          setTimeout(() => socket.destroy(), 5);
        } else {
          const body = JSON.stringify(ok("again"));
          socket.end(
            `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`,
          );
        }
      });
    });
    expect((await client(raw).request({ method: "GET", path: "/x", kind: "read" })).data).toBe("again");
  });

  it("times out a slow read (retried) and makes a slow create ambiguous", async () => {
    // The server never answers: each timeout is the only way out. The timeouts are long enough
    // for a loaded machine to connect and send first, so the create is always "sent".
    const s = await server(() => undefined);
    const read = await client(s, { timeoutMs: 500, retry: { maxAttempts: 2, baseDelayMs: 1 } })
      .request({ method: "GET", path: "/x", kind: "read" })
      .catch((e: unknown) => e);
    expect(read).toBeInstanceOf(TimeoutError);
    expect(s.received).toHaveLength(2);
    const create = await client(s)
      .request({ method: "POST", path: "/gen", kind: "create", body: {}, timeoutMs: 1500 })
      .catch((e: unknown) => e);
    expect(create).toBeInstanceOf(AmbiguousSubmissionError);
    expect((create as AmbiguousSubmissionError).cause).toBeInstanceOf(TimeoutError);
  });

  it("aborts on the caller's signal without retrying", async () => {
    const s = await server((_q, res) => void setTimeout(() => json(res, 200, ok(1)), 400));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const error = await client(s)
      .request({ method: "GET", path: "/x", kind: "read", signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortedError);
    expect(s.received).toHaveLength(1);
    await expect(
      client(s).request({ method: "GET", path: "/x", kind: "read", signal: controller.signal }),
    ).rejects.toBeInstanceOf(AbortedError);
    expect(s.received).toHaveLength(1);
  });

  it("aborts during the backoff between retries", async () => {
    const s = await server((_q, res) => json(res, 503, {}));
    const controller = new AbortController();
    const c = client(s, {
      retry: { maxAttempts: 5, baseDelayMs: 10_000, maxDelayMs: 10_000, onRetry: () => controller.abort() },
    });
    await expect(
      c.request({ method: "GET", path: "/x", kind: "read", signal: controller.signal }),
    ).rejects.toBeInstanceOf(AbortedError);
    expect(s.received).toHaveLength(1);
  });

  it("malformed and truncated JSON become InvalidResponseError with the raw text", async () => {
    const s = await server((q, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(q.url.endsWith("html") ? "<html>oops</html>" : '{"code":0,"data":{"task_');
    });
    for (const path of ["/html", "/trunc"]) {
      const error = (await client(s)
        .request({ method: "GET", path, kind: "read" })
        .catch((e: unknown) => e)) as InvalidResponseError;
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(error.raw.length).toBeGreaterThan(0);
      expect(error.status).toBe(200);
    }
  });

  it("raw requests return a non-JSON 2xx body as text and send binary bodies as-is", async () => {
    const s = await server((_q, res, got) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end(`got ${got.body.length} bytes as ${got.headers["content-type"]}`);
    });
    const r = await client(s).request({
      method: "PUT",
      path: `${s.url}/upload?token=abc`,
      kind: "read",
      raw: true,
      auth: false,
      body: new Uint8Array([1, 2, 3]),
      headers: { "Content-Type": "image/png" },
    });
    expect(r.data).toBe("got 3 bytes as image/png");
    expect(s.received[0]!.headers["x-acme-key"]).toBeUndefined();
  });

  it("keeps query strings out of an ambiguous submission", async () => {
    const s = await server((q) => void q.socket.destroy());
    const error = (await client(s)
      .request({ method: "POST", path: "/gen", query: { token: "secret-token" }, kind: "create", body: {} })
      .catch((e: unknown) => e)) as AmbiguousSubmissionError;
    expect(error).toBeInstanceOf(AmbiguousSubmissionError);
    expect(error.request.url).toBe(`${s.url}/v1/gen`);
    expect(error.message).not.toContain("secret-token");
  });

  it("works the same over the fetch transport", async () => {
    const s = await server((_q, res) => json(res, 200, { code: 1002, msg: "no credits", trace_id: "tr-7" }));
    const error = await client(s, { fetch: globalThis.fetch })
      .request({ method: "POST", path: "/gen", kind: "create", body: {} })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: "insufficient_credits",
      code: "1002",
      requestId: "tr-7",
      status: 200,
    });
    expect(s.received[0]!.headers["x-acme-key"]).toBe(KEY);
  });
});
