import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createMediaio } from "../../packages/mediaio/src/index.ts";
import {
  AmbiguousSubmissionError,
  checkUrl,
  FileWriteError,
  GenError,
  HostNotAllowedError,
  InvalidRequestError,
  LimitExceededError,
  type RetryInfo,
  type Task,
  TaskTimedOutError,
  TimeoutError,
} from "../../packages/runtime/src/index.ts";
import { parseCallback } from "../../packages/tomoviee/src/index.ts";
import { closedPort, hostileServers, sendJson } from "./helpers/hostile-server.ts";
import { renderError } from "./helpers/leak-check.ts";
import { failure } from "./helpers/vendor-cases.ts";

const KEY = "mk-HOSTILE-5b7c9d1e2f";
const hostile = hostileServers();
function client(base: string, extra: Record<string, unknown> = {}) {
  return createMediaio({
    baseUrl: base,
    allowInsecureLoopback: true,
    env: {},
    apiKey: KEY,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    ...extra,
  });
}
const ok = (data: unknown) => ({ code: 0, msg: "", data });
const deep = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;

describe("1. a create is sent once an exchange was answered", () => {
  it("307 to an origin that refuses: AmbiguousSubmissionError, the vendor saw the create once", async () => {
    const refused = await closedPort();
    const s = await hostile((req, res) => {
      res.writeHead(307, { location: `http://127.0.0.1:${refused}${req.url}` });
      res.end();
    });
    const error = await failure(client(s.origin).t2iImagen4({ prompt: "cat" }));
    expect(error).toBeInstanceOf(AmbiguousSubmissionError);
    expect((error as Error).message).not.toMatch(/not sent/);
    expect(s.seen.filter((r) => r.method === "POST")).toHaveLength(1);
  });
});

describe("2. credentials never escape", () => {
  it("a key echoed in the vendor's code, request id and body reaches no error field", async () => {
    const s = await hostile((_req, res) =>
      sendJson(res, 400, { code: KEY, msg: `bad key ${KEY}`, trace_id: KEY }, { "x-request-id": KEY }),
    );
    const error = (await failure(client(s.origin).t2iImagen4({ prompt: "cat" }))) as GenError;
    expect(error).toBeInstanceOf(GenError);
    expect(renderError(error)).not.toContain(KEY);
    expect(error.code).not.toContain(KEY);
  });

  it("a key echoed in a redirect's host and in an unreadable body is redacted", async () => {
    const s = await hostile((req, res) => {
      if (req.method === "GET") return sendJson(res, 200, `<html>${KEY}</html>`);
      res.writeHead(302, { location: `https://${KEY.toLowerCase()}.evil.example/x` });
      res.end();
    });
    const c = client(s.origin);
    const redirected = await failure(c.t2iImagen4({ prompt: "cat" }));
    expect(redirected).toBeInstanceOf(GenError);
    expect(renderError(redirected).toLowerCase()).not.toContain(KEY.toLowerCase());
    const unreadable = await failure(c.runtime.request({ method: "GET", path: "/page", kind: "read" }));
    expect(unreadable).toBeInstanceOf(GenError);
    expect(renderError(unreadable)).not.toContain(KEY);
  });

  it("JSON.stringify, console.log and util.inspect of a client print no key", () => {
    const c = client("http://127.0.0.1:9", { headers: { Authorization: "Bearer CALLER-TOKEN-77" } });
    const printed = [
      JSON.stringify(c),
      inspect(c.runtime, { showHidden: true, depth: 10 }),
      inspect(c, { depth: 10 }),
    ];
    for (const text of printed) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain("CALLER-TOKEN-77");
    }
  });

  it("retry.onRetry never sees a key carried in a query string", async () => {
    const s = await hostile((_req, res) => sendJson(res, 503, { code: 1, msg: "busy" }));
    const seen: RetryInfo[] = [];
    const c = client(s.origin, {
      retry: { baseDelayMs: 1, maxDelayMs: 2, onRetry: (i: RetryInfo) => void seen.push(i) },
    });
    await failure(
      c.runtime.request({ method: "GET", path: "/token", query: { appUid: KEY }, kind: "read", auth: false }),
    );
    expect(seen.length).toBeGreaterThan(0);
    for (const info of seen) expect(renderError(info.error) + info.url).not.toContain(KEY);
  });

  it("a malformed key (newline) is refused before sending and never quoted", async () => {
    const s = await hostile((_req, res) => sendJson(res, 200, ok({ task_id: "t" })));
    const bad = `${KEY}\nX-Injected: 1`;
    const error = await failure(client(s.origin, { apiKey: bad }).t2iImagen4({ prompt: "cat" }));
    expect(error).toBeInstanceOf(GenError);
    expect((error as GenError).kind).toBe("missing_credential");
    expect((error as GenError).message).toMatch(/control character/);
    expect(renderError(error)).not.toContain(KEY);
    expect(s.seen).toHaveLength(0);
  });

  it("caller-set Authorization, Cookie and Proxy-Authorization never follow a redirect off the API host", async () => {
    const results = await hostile((_req, res) => sendJson(res, 200, ok({ fine: true })));
    const api = await hostile((req, res) => {
      res.writeHead(302, { location: `${results.origin}${req.url}` });
      res.end();
    });
    const c = client(api.origin, {
      headers: {
        Authorization: "Bearer CALLER-1",
        Cookie: "s=CALLER-2",
        "Proxy-Authorization": "Basic CALLER-3",
      },
    });
    await c.runtime.request({ method: "GET", path: "/status", kind: "read" });
    expect(api.seen[0]?.headers.authorization).toBe("Bearer CALLER-1");
    const hop = results.seen[0]!.headers;
    expect([hop.authorization, hop.cookie, hop["proxy-authorization"], hop["x-api-key"]]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe("3. options are read as own properties only", () => {
  it("a polluted Object.prototype.baseUrl cannot redirect a client's key", async () => {
    const attacker = await hostile((_req, res) => sendJson(res, 200, ok({ credits: 1 })));
    const vendor = await hostile((_req, res) => sendJson(res, 200, ok({ credits: 1 })));
    const proto = Object.prototype as Record<string, unknown>;
    proto.baseUrl = attacker.origin;
    proto.allowInsecureLoopback = true;
    try {
      // The vendor's own host reached through a loopback twin (as `gen --connect-to` does).
      const twin: typeof fetch = (input, init) =>
        fetch(String(input).replace("https://openapi.media.io", vendor.origin), {
          ...init,
          redirect: "manual",
        });
      const c = createMediaio({ apiKey: KEY, env: {}, fetch: twin });
      await failure(c.runtime.request({ method: "GET", path: "/credits", kind: "read" }));
    } finally {
      delete proto.baseUrl;
      delete proto.allowInsecureLoopback;
    }
    expect(attacker.seen).toHaveLength(0);
    expect(vendor.seen).toHaveLength(1);
  });
});

describe("4. every limit has a default, a typed error and an option", () => {
  it("an API answer over limits.maxResponseBytes: LimitExceededError", async () => {
    const s = await hostile((_req, res) => sendJson(res, 200, ok({ pad: "x".repeat(50_000) })));
    const error = await failure(
      client(s.origin, { limits: { maxResponseBytes: 10_000 } }).runtime.request({
        method: "GET",
        path: "/big",
        kind: "read",
      }),
    );
    expect(error).toBeInstanceOf(LimitExceededError);
    expect((error as LimitExceededError).limit).toBe("maxResponseBytes");
  });

  it("200,000-level nested JSON from a create, a poll reason and a webhook: typed errors, no RangeError", async () => {
    const s = await hostile((req, res) => {
      if (req.url.includes("t2i")) return sendJson(res, 200, `{"code":0,"msg":"","data":${deep(200_000)}}`);
      sendJson(res, 200, `{"code":0,"msg":"","data":{"status":"failed","reason":${deep(200_000)}}}`);
    });
    const c = client(s.origin);
    expect(await failure(c.t2iImagen4({ prompt: "cat" }))).toBeInstanceOf(LimitExceededError);
    expect(await failure(c.resume("t-1").status())).toBeInstanceOf(LimitExceededError);
    expect(() =>
      parseCallback(`{"task_id":"t","status":3,"result":${JSON.stringify(deep(200_000))}}`),
    ).toThrow(GenError);
  });

  it("a download over limits.maxDownloadBytes (no Content-Length): LimitExceededError, nothing left on disk", async () => {
    const s = await hostile((_req, res) => {
      res.writeHead(200, { "content-type": "image/png" });
      res.write(Buffer.alloc(4096));
      res.end(Buffer.alloc(4096));
    });
    const dir = await mkdtemp(join(tmpdir(), "gen-rel-"));
    const error = await failure(
      client(s.origin, { limits: { maxDownloadBytes: 5000 } }).runtime.download(`${s.origin}/a.png`, dir),
    );
    expect(error).toBeInstanceOf(LimitExceededError);
    expect(await readdir(dir)).toEqual([]);
  });

  it("DownloadOptions.timeoutMs bounds a body that never ends: TimeoutError", async () => {
    const s = await hostile((_req, res) => {
      res.writeHead(200, { "content-type": "image/png" });
      res.write(Buffer.alloc(100));
    });
    const dir = await mkdtemp(join(tmpdir(), "gen-rel-"));
    const error = await failure(
      client(s.origin).runtime.download(`${s.origin}/slow.png`, dir, { timeoutMs: 200 }),
    );
    expect(error).toBeInstanceOf(TimeoutError);
  }, 15_000);

  it("wait({ timeoutMs }) is a deadline even when a poll hangs: TaskTimedOutError", async () => {
    const s = await hostile((req, res) => {
      if (req.url.includes("t2i")) sendJson(res, 200, ok({ task_id: "t-9" }));
      // polls never answer
    });
    const task = (await client(s.origin).t2iImagen4({ prompt: "cat" })) as Task;
    const error = await failure(task.wait({ timeoutMs: 200, minDelayMs: 1, maxDelayMs: 1 }));
    expect(error).toBeInstanceOf(TaskTimedOutError);
  }, 15_000);
});

describe("5. hostile values give typed errors, never raw ones", () => {
  it("a task id with a lone surrogate: InvalidRequestError before any request", async () => {
    const s = await hostile((_req, res) => sendJson(res, 200, ok({})));
    const error = await failure(Promise.resolve().then(() => client(s.origin).resume("t\uD800").status()));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(s.seen).toHaveLength(0);
  });

  it("a poll status of constructor / __proto__ / toString is an unknown status, not a function", async () => {
    for (const status of ["constructor", "__proto__", "toString"]) {
      const s = await hostile((_req, res) =>
        sendJson(res, 200, `{"code":0,"msg":"","data":{"status":"${status}"}}`),
      );
      const snapshot = await client(s.origin).resume("t-1").status();
      expect(snapshot.state).toBe("running");
    }
  });

  it("a sparse array passes no validation: InvalidRequestError naming the hole, nothing sent", async () => {
    const s = await hostile((_req, res) => sendJson(res, 200, ok({ task_id: "t" })));
    const error = await failure(client(s.origin).i2iBanana({ prompt: "cat", images: new Array(1) }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).field).toBe("images.0");
    expect(s.seen).toHaveLength(0);
  });

  it("a 300-byte file name is shortened under 255 bytes; a write failure is a FileWriteError", async () => {
    const s = await hostile((_req, res) => {
      res.writeHead(200, { "content-type": "image/png" });
      res.end(Buffer.alloc(10));
    });
    const c = client(s.origin);
    const dir = await mkdtemp(join(tmpdir(), "gen-rel-"));
    const saved = await c.runtime.download(`${s.origin}/${"é".repeat(150)}.png`, dir);
    expect(Buffer.byteLength(saved.path.split("/").pop()!)).toBeLessThanOrEqual(255);
    const notADir = join(dir, "file");
    await writeFile(notADir, "x");
    const error = await failure(c.runtime.download(`${s.origin}/b.png`, join(notADir, "sub")));
    expect(error).toBeInstanceOf(FileWriteError);
  });
});

describe("6. policy gaps", () => {
  it("https://.media.io/ is refused by the host policy", () => {
    expect(() => checkUrl("https://.media.io/x.png", { hosts: [".media.io"] })).toThrow(HostNotAllowedError);
  });

  it("bidi and zero-width characters never survive in a saved file name", async () => {
    const s = await hostile((_req, res) => {
      res.writeHead(200, { "content-type": "image/png" });
      res.end(Buffer.alloc(10));
    });
    const dir = await mkdtemp(join(tmpdir(), "gen-rel-"));
    const saved = await client(s.origin).runtime.download(`${s.origin}/%E2%80%AEgnp.sh%E2%80%8B`, dir);
    expect(saved.path).not.toMatch(/[\u202a-\u202e\u200b-\u200f\u2066-\u2069]/);
  });
});
