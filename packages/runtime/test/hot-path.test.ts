// The cheap paths of a create keep every guarantee: framed bodies within the limit read in one go,
// no second copy of a built request, the depth pre-check, the date stamp, and the dispatch handler.
import { createServer as createNetServer, type Server, type Socket } from "node:net";
import { Agent, type Dispatcher } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { compactSchema } from "../src/compact-schema.js";
import { createVendorClient } from "../src/create-vendor-client.js";
import { InvalidResponseError, LimitExceededError, type NetworkError } from "../src/errors/index.js";
import { isoNow } from "../src/iso-now.js";
import { jsonTooDeep, parseJsonBounded } from "../src/parse-json-bounded.js";
import type { ClientOptions, OperationDefinition, Task } from "../src/types.js";
import { undiciTransport } from "../src/undici-transport.js";
import { acmeVendor, KEY, pollOperation } from "./helpers/acme-vendor.js";
import { json, type LoopbackServer, startServer } from "./helpers/loopback-server.js";

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function server(handler: Parameters<typeof startServer>[0]): Promise<LoopbackServer> {
  const s = await startServer(handler);
  closers.push(() => s.close());
  return s;
}

/** A TCP server that answers every request with `raw` bytes (HTTP written by hand). */
async function rawServer(
  raw: (request: string) => string | Buffer,
): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const srv: Server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    socket.on("data", (data) => {
      const text = data.toString("latin1");
      if (!text.includes("\r\n\r\n")) return;
      requests.push(text);
      socket.write(raw(text));
    });
  });
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        srv.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(srv.address() as { port: number }).port}`, requests };
}

const create: OperationDefinition = {
  id: "textToImage",
  name: "text2image",
  method: "POST",
  path: "/image",
  kind: "create",
  input: compactSchema({ t: "o", p: { prompt: { t: "s", max: 100 } } }),
  task: { estimatedMs: [20, 40] },
};

function client(url: string, options: ClientOptions = {}) {
  return createVendorClient(acmeVendor({ operations: { getTask: pollOperation, textToImage: create } }), {
    baseUrl: `${url}/v1`,
    allowInsecureLoopback: true,
    apiKey: KEY,
    env: {},
    retry: { maxAttempts: 1 },
    ...options,
  } as ClientOptions);
}

const answer = JSON.stringify({ code: 0, msg: "ok", data: { task_id: "t-1" } });

describe("a response body within the limit", () => {
  it("with Content-Length: only the declared bytes are read, never the bytes behind them", async () => {
    const trailing = "x".repeat(2_000_000);
    const s = await rawServer(
      () =>
        `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${answer.length}\r\n\r\n${answer}${trailing}`,
    );
    const c = client(s.url, { limits: { maxResponseBytes: 1000 } });
    const task = (await c.invoke(create, { prompt: "cat" })) as Task;
    expect(task.taskId).toBe("t-1");
  });

  it("with a Content-Length over the limit: LimitExceededError before the body is read", async () => {
    const s = await rawServer(
      // The declared body never comes: the refusal does not wait for it.
      () => `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 5000\r\n\r\n${answer}`,
    );
    const error = await client(s.url, { limits: { maxResponseBytes: 1000 } })
      .request({ method: "GET", path: "/big", kind: "read" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LimitExceededError);
    expect((error as LimitExceededError).message).toMatch(/5000 bytes/);
  });

  it("chunked (no Content-Length) over the limit: LimitExceededError while streaming", async () => {
    const s = await server((_q, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      for (let i = 0; i < 20; i++) res.write("x".repeat(1000));
      res.end();
    });
    const error = await client(s.url, { limits: { maxResponseBytes: 5000 } })
      .request({ method: "GET", path: "/big", kind: "read" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LimitExceededError);
  });

  it("a byte order mark is not part of the text (as with the streamed reader)", async () => {
    const s = await rawServer(() => {
      const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(answer)]);
      return Buffer.concat([
        Buffer.from(
          `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`,
        ),
        body,
      ]);
    });
    const task = (await client(s.url).invoke(create, { prompt: "cat" })) as Task;
    expect(task.taskId).toBe("t-1");
  });
});

describe("the dispatch handler", () => {
  it("through a caller's dispatcher the size limit counts the bytes delivered, not the declared length", async () => {
    const s = await rawServer(
      () => `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}`,
    );
    // An interceptor that inflates every chunk (as a decoder would) and leaves Content-Length alone.
    const inflate: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (opts, handler) =>
      dispatch(opts, {
        onRequestStart: (c, context) => handler.onRequestStart?.(c, context),
        onResponseStart: (c, status, headers, message) =>
          handler.onResponseStart?.(c, status, headers, message),
        onResponseData: (c, chunk) => handler.onResponseData?.(c, Buffer.alloc(chunk.length * 10_000, 32)),
        onResponseEnd: (c, trailers) => handler.onResponseEnd?.(c, trailers),
        onResponseError: (c, error) => handler.onResponseError?.(c, error),
      });
    const agent = new Agent().compose(inflate);
    closers.push(() => agent.close());
    const error = await client(s.url, {
      transport: undiciTransport(agent),
      limits: { maxResponseBytes: 1000 },
    })
      .request({ method: "GET", path: "/x", kind: "read" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LimitExceededError);
  });

  it("skips a 103 Early Hints answer and returns the final response", async () => {
    const s = await rawServer(
      () =>
        `HTTP/1.1 103 Early Hints\r\nlink: </a.css>; rel=preload\r\n\r\nHTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${answer.length}\r\n\r\n${answer}`,
    );
    const task = (await client(s.url).invoke(create, { prompt: "cat" })) as Task;
    expect(task.taskId).toBe("t-1");
  });

  it("follows a redirect whose body is large (dropped, the connection closed past 128 KiB)", async () => {
    const s = await server((q, res) => {
      if (q.url === "/v1/moved") {
        res.writeHead(302, { location: "/v1/here", "content-type": "text/plain" });
        res.end("y".repeat(1_000_000));
      } else json(res, 200, { code: 0, msg: "ok", data: { here: true } });
    });
    const out = await client(s.url).request({ method: "GET", path: "/moved", kind: "read" });
    expect(out.data).toEqual({ here: true });
  });

  it("a connection closed before any answer: NetworkError, sent", async () => {
    const killer = createNetServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => killer.listen(0, "127.0.0.1", resolve));
    closers.push(() => new Promise<void>((resolve) => killer.close(() => resolve())));
    const url = `http://127.0.0.1:${(killer.address() as { port: number }).port}`;
    const error = await client(url)
      .request({ method: "GET", path: "/x", kind: "read" })
      .catch((e: unknown) => e);
    expect((error as NetworkError).kind).toBe("network");
    expect((error as NetworkError).sent).toBe(true);
  });
});

describe("a built request is read as own properties only", () => {
  it("a prototype polluted after the client was made (baseUrl, headers, query, timeoutMs, auth, raw) changes nothing a create sends", async () => {
    const attacker = await server((_q, res) =>
      json(res, 200, { code: 0, msg: "ok", data: { task_id: "evil" } }),
    );
    const s = await server((_q, res) => {
      res.end(answer);
    });
    const c = client(s.url);
    const proto = Object.prototype as Record<string, unknown>;
    const planted = {
      baseUrl: `${attacker.url}/v1`,
      headers: { "x-planted": "1" },
      query: { planted: "1" },
      timeoutMs: 1,
      auth: false,
      raw: true,
    };
    Object.assign(proto, planted);
    let task: Task;
    try {
      task = (await c.invoke(create, { prompt: "cat" })) as Task;
    } finally {
      for (const key of Object.keys(planted)) delete proto[key];
    }
    expect(task.taskId).toBe("t-1");
    expect(attacker.received).toHaveLength(0);
    expect(s.received).toHaveLength(1);
    const [sent] = s.received;
    expect(sent!.url).toBe("/v1/image");
    expect(JSON.parse(sent!.body)).toEqual({ data: { prompt: "cat" } });
    expect(sent!.headers["x-planted"]).toBeUndefined();
    expect(sent!.headers["x-acme-key"]).toBe(KEY);
  });
});

describe("the JSON depth pre-check", () => {
  it("counts brackets inside strings only as an upper bound: a shallow answer full of them parses", () => {
    const text = JSON.stringify({ note: "[[[[{{{{".repeat(100) });
    expect(jsonTooDeep(text, 8)).toBe(false);
    expect(parseJsonBounded(text, 8)).toEqual({ note: "[[[[{{{{".repeat(100) });
  });

  it("refuses nesting past the limit with or without brackets in strings", () => {
    const deep = `${"[".repeat(9)}"[[["${"]".repeat(9)}`;
    expect(jsonTooDeep(deep, 8)).toBe(true);
    expect(() => parseJsonBounded(deep, 8)).toThrow(LimitExceededError);
    expect(jsonTooDeep(`${"[".repeat(8)}${"]".repeat(8)}`, 8)).toBe(false);
  });

  it("an unreadable answer is still an InvalidResponseError naming the status", async () => {
    const s = await server((_q, res) => {
      res.end("{not json");
    });
    const error = await client(s.url)
      .request({ method: "GET", path: "/x", kind: "read" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(/HTTP 200/);
  });
});

describe("isoNow", () => {
  it("equals Date#toISOString at millisecond and second edges, across years", () => {
    const stamps = [
      0,
      1,
      999,
      1000,
      Date.UTC(2026, 10, 29, 4, 26, 7, 5),
      Date.UTC(2026, 10, 29, 4, 26, 7, 50),
      Date.UTC(2026, 10, 29, 4, 26, 7, 999),
      Date.UTC(2026, 10, 29, 4, 26, 8, 0),
      Date.UTC(1969, 11, 31, 23, 59, 59, 999),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
      Date.UTC(10000, 0, 1, 0, 0, 0, 1),
      -Date.UTC(2000, 0, 1, 0, 0, 0, 7) - 62_167_219_200_000,
    ];
    for (const at of stamps) expect(isoNow(at)).toBe(new Date(at).toISOString());
  });
});
