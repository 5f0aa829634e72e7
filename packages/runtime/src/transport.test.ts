import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AbortedError, NetworkError, TimeoutError } from "./errors/index.js";
import { fetchTransport } from "./fetch-transport.js";
import { lazyFetchTransport } from "./lazy-fetch-transport.js";
import type { Transport, TransportRequest } from "./types.js";
import { undiciTransport } from "./undici-transport.js";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
interface TestServer {
  url: string;
  connections: number;
  requests: number;
  server: Server;
}

async function startServer(handler: Handler): Promise<TestServer> {
  const server = createServer(handler);
  const state: TestServer = { url: "", connections: 0, requests: 0, server };
  server.on("connection", () => state.connections++);
  server.on("request", () => state.requests++);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

async function stopServer(s: TestServer): Promise<void> {
  s.server.closeAllConnections();
  await new Promise((resolve) => s.server.close(resolve));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", () => resolve(Buffer.concat(parts)));
    req.on("error", reject);
  });
}

const CHUNK = Buffer.alloc(64 * 1024, 120);
const STREAM_CHUNKS = 128; // 8 MiB after the first chunk
let releaseStream: () => void = () => {};
let redirectTargetHits = 0;

const routes: Record<string, Handler> = {
  "/hello": (_req, res) => {
    res.writeHead(201, {
      "X-Custom": "Yes",
      "Content-Type": "application/json",
      "Set-Cookie": ["a=1", "b=2"],
    });
    res.end(JSON.stringify({ hello: "world" }));
  },
  "/redirect": (_req, res) => {
    res.writeHead(302, { Location: "/target" });
    res.end("moved");
  },
  "/target": (_req, res) => {
    redirectTargetHits++;
    res.end("target");
  },
  "/echo": async (req, res) => {
    const body = await readBody(req);
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ method: req.method, headers: req.headers, body: body.toString("base64") }));
  },
  "/stream": async (_req, res) => {
    res.writeHead(200, { "content-type": "application/octet-stream" });
    res.write(CHUNK);
    await new Promise<void>((resolve) => {
      releaseStream = resolve;
    });
    for (let i = 0; i < STREAM_CHUNKS; i++) {
      if (!res.write(CHUNK)) await once(res, "drain");
    }
    res.end();
  },
  "/hang": () => {},
  "/hang-body": (_req, res) => {
    res.writeHead(200, { "content-type": "text/plain" });
    res.write("first part");
  },
  "/close-after-request": async (req) => {
    await readBody(req);
    req.socket.destroy();
  },
  "/reset-after-request": async (req) => {
    await readBody(req);
    req.socket.resetAndDestroy();
  },
  "/truncate": (_req, res) => {
    res.writeHead(200, { "content-length": "1000" });
    res.write("x".repeat(100), () => setTimeout(() => res.socket?.destroy(), 5));
  },
};

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    const route = routes[new URL(req.url ?? "/", "http://x").pathname];
    if (route) return void route(req, res);
    res.writeHead(404).end();
  });
});
afterAll(() => stopServer(server));

function req(path: string, init: Partial<TransportRequest> = {}): TransportRequest {
  const url = path.startsWith("http") ? path : server.url + path;
  return { url, method: "GET", headers: {}, signal: new AbortController().signal, ...init };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

async function drain(body: AsyncIterable<Uint8Array>): Promise<number> {
  let bytes = 0;
  for await (const chunk of body) bytes += chunk.byteLength;
  return bytes;
}

const transports: ReadonlyArray<readonly [string, Transport]> = [
  ["fetch", fetchTransport()],
  ["lazy fetch (options.fetch on Node)", lazyFetchTransport((input, init) => fetch(input, init))],
  ["undici", undiciTransport()],
];

describe.each(transports)("%s transport", (_name, transport) => {
  it("returns status, lower-case headers and the body", async () => {
    const res = await transport(req("/hello"));
    expect(res.status).toBe(201);
    expect(res.headers["x-custom"]).toBe("Yes");
    expect(res.headers["content-type"]).toBe("application/json");
    expect(res.headers["set-cookie"]).toBe("a=1, b=2");
    expect(Object.keys(res.headers).every((k) => k === k.toLowerCase())).toBe(true);
    expect(JSON.parse(await res.text())).toEqual({ hello: "world" });
  });

  it("returns a 3xx as-is with its Location and does not follow it", async () => {
    const before = redirectTargetHits;
    const res = await transport(req("/redirect"));
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe("/target");
    expect(await res.text()).toBe("moved");
    expect(redirectTargetHits).toBe(before);
  });

  it.each([
    ["string", '{"prompt":"a cat"}'],
    ["bytes", new Uint8Array([0, 1, 2, 250, 255])],
  ])("sends the method, headers and a %s body", async (_kind, body) => {
    const res = await transport(
      req("/echo", {
        method: "POST",
        body,
        headers: { "x-api-key": "k-1", "content-type": "application/json" },
      }),
    );
    const echoed = JSON.parse(await res.text());
    expect(echoed.method).toBe("POST");
    expect(echoed.headers["x-api-key"]).toBe("k-1");
    expect(Buffer.from(echoed.body, "base64")).toEqual(Buffer.from(body));
  });

  it("streams a multi-MB body chunk by chunk without buffering it", async () => {
    const res = await transport(req("/stream"));
    let chunks = 0;
    let bytes = 0;
    for await (const chunk of res.body) {
      // The server sends the rest only after the first chunk reached us: a buffering transport hangs.
      if (chunks++ === 0) releaseStream();
      bytes += chunk.byteLength;
    }
    expect(bytes).toBe(CHUNK.length * (STREAM_CHUNKS + 1));
    expect(chunks).toBeGreaterThan(STREAM_CHUNKS / 4);
  });

  it("rejects with AbortedError when aborted before sending, without contacting the server", async () => {
    const controller = new AbortController();
    controller.abort();
    const requestsBefore = server.requests;
    const error = await rejection(transport(req("/hello", { signal: controller.signal })));
    expect(error).toBeInstanceOf(AbortedError);
    expect(server.requests).toBe(requestsBefore);
  });

  it("rejects with AbortedError when aborted while waiting for headers", async () => {
    const controller = new AbortController();
    const pending = transport(req("/hang", { signal: controller.signal }));
    setTimeout(() => controller.abort(), 10);
    expect(await rejection(pending)).toBeInstanceOf(AbortedError);
  });

  it("fails the body with AbortedError when aborted mid-body", async () => {
    const controller = new AbortController();
    const res = await transport(req("/hang-body", { signal: controller.signal }));
    const iterator = res.body[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(Buffer.from(first.value ?? []).toString()).toBe("first part");
    setTimeout(() => controller.abort(), 5);
    expect(await rejection(iterator.next())).toBeInstanceOf(AbortedError);
  });

  it("rethrows the pipeline's TimeoutError reason as-is", async () => {
    const controller = new AbortController();
    const reason = new TimeoutError("timed out after 10 ms", { timeoutMs: 10 });
    const pending = transport(req("/hang", { signal: controller.signal }));
    setTimeout(() => controller.abort(reason), 10);
    expect(await rejection(pending)).toBe(reason);
  });

  it("turns a DOM TimeoutError reason (AbortSignal.timeout) into TimeoutError, also mid-body", async () => {
    expect(await rejection(transport(req("/hang", { signal: AbortSignal.timeout(10) })))).toBeInstanceOf(
      TimeoutError,
    );
    // Mid-body: the DOM TimeoutError reason is given once the headers are in (not by a timer
    // racing the response on a loaded machine).
    const controller = new AbortController();
    const res = await transport(req("/hang-body", { signal: controller.signal }));
    controller.abort(new DOMException("The operation timed out.", "TimeoutError"));
    expect(await rejection(res.text())).toBeInstanceOf(TimeoutError);
  });

  it("connection refused: NetworkError with sent false", async () => {
    const closed = await startServer(() => {});
    await stopServer(closed);
    const error = await rejection(
      transport(req(`${closed.url}/v1/create?key=secret-value`, { method: "POST" })),
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).sent).toBe(false);
    expect((error as NetworkError).message).toContain("ECONNREFUSED");
    expect((error as NetworkError).message).not.toContain("secret-value");
  });

  it("malformed URL: a NetworkError rejection with sent false, not a synchronous throw", async () => {
    let pending: Promise<unknown> | undefined;
    expect(() => {
      pending = transport(req("http://exa mple.test:99999/"));
    }).not.toThrow();
    const error = await rejection(pending!);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).sent).toBe(false);
  });

  it("DNS failure: NetworkError with sent false", async () => {
    const error = await rejection(
      transport(req("https://nonexistent.invalid/", { method: "POST", body: "{}" })),
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).sent).toBe(false);
  });

  it("TLS handshake failure: NetworkError with sent false", async () => {
    const error = await rejection(transport(req(server.url.replace("http:", "https:") + "/hello")));
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).sent).toBe(false);
  });

  it.each([
    ["closes", "/close-after-request"],
    ["resets", "/reset-after-request"],
  ])("server %s the socket after reading the request: NetworkError with sent true", async (_how, path) => {
    const error = await rejection(transport(req(path, { method: "POST", body: '{"paid":true}' })));
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).sent).toBe(true);
  });

  it("server closes mid-body: reading the body fails with NetworkError (sent true)", async () => {
    const viaText = await transport(req("/truncate"));
    const textError = await rejection(viaText.text());
    expect(textError).toBeInstanceOf(NetworkError);
    expect((textError as NetworkError).sent).toBe(true);
    const viaBody = await transport(req("/truncate"));
    const bodyError = await rejection(drain(viaBody.body));
    expect(bodyError).toBeInstanceOf(NetworkError);
    expect((bodyError as NetworkError).sent).toBe(true);
  });

  it("reuses keep-alive connections for sequential requests, also after dump()", async () => {
    const counting = await startServer((_req, res) => res.end("x".repeat(2000)));
    try {
      for (let i = 0; i < 20; i++) {
        const res = await transport(req(`${counting.url}/n${i}`));
        if (i % 2 === 0) expect(await res.text()).toHaveLength(2000);
        else await res.dump();
      }
      expect(counting.requests).toBe(20);
      // undici's pool may open a second socket while the first is finishing its response.
      expect(counting.connections).toBeLessThanOrEqual(2);
    } finally {
      await stopServer(counting);
    }
  });
});

describe("fetchTransport(fetch)", () => {
  it("uses the supplied fetch instead of the global one", async () => {
    const seen: string[] = [];
    const transport = fetchTransport((input, init) => {
      seen.push(String(input));
      return fetch(input, init);
    });
    const res = await transport(req("/hello"));
    expect(res.status).toBe(201);
    expect(seen).toEqual([`${server.url}/hello`]);
  });

  it("lazily: loads the fetch transport once and uses the supplied fetch for every request", async () => {
    const seen: string[] = [];
    const transport = lazyFetchTransport((input, init) => {
      seen.push(String(input));
      return fetch(input, init);
    });
    const [a, b] = await Promise.all([transport(req("/hello")), transport(req("/hello"))]);
    const c = await transport(req("/hello"));
    expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
    await Promise.all([a.dump(), b.dump(), c.dump()]);
    expect(seen).toEqual(Array.from({ length: 3 }, () => `${server.url}/hello`));
  });
});
