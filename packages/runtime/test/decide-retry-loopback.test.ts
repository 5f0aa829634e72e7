import { afterEach, describe, expect, it } from "vitest";
import { createVendorClient } from "../src/create-vendor-client.js";
import type { RequestKind } from "../src/decide-retry.js";
import { isGenError } from "../src/errors/index.js";
import type { ClientOptions, RawRequest } from "../src/types.js";
import { waitForTask } from "../src/wait-for-task.js";
import { acmeVendor, KEY } from "./helpers/acme-vendor.js";
import { json, type LoopbackServer, startServer } from "./helpers/loopback-server.js";
import { retryTable } from "./helpers/retry-table.js";

// The given/want table (helpers/retry-table.ts) played against real loopback servers: each event
// happens on every attempt; a request has 2 attempts, a wait tolerates 2 failed polls. A "retry"
// row shows exactly one retry, a "stop" row none; the error thrown has the row's kind; a "no" row
// reached no server, a "yes" row did.

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(handler: Parameters<typeof startServer>[0]): Promise<LoopbackServer> {
  const s = await startServer(handler);
  servers.push(s);
  return s;
}

/** Where the attempt goes and what it meets; `hits` counts requests the API server saw. */
interface Scenario {
  url: string;
  path?: string;
  options?: Partial<ClientOptions>;
  call?: Partial<RawRequest>;
  /** The wait's own `timeoutMs` (default one minute). */
  waitTimeoutMs?: number;
  hits: () => number;
}

const reply =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  async (): Promise<Scenario> => {
    const s = await serve((_q, res) => json(res, status, body, headers));
    return { url: s.url, hits: () => s.received.length };
  };

async function closedPort(): Promise<string> {
  const probe = await startServer(() => {});
  await probe.close();
  return probe.url;
}

/** How each table event is produced on loopback (rows not here cannot be: see `unreproduced`). */
const scenarios: Record<string, () => Promise<Scenario>> = {
  "connection refused (never sent)": async () => ({ url: await closedPort(), hits: () => 0 }),
  "connection lost after bytes written": async () => {
    const s = await serve((q) => void q.socket.destroy());
    return { url: s.url, hits: () => s.received.length };
  },
  "refused on a hop after a redirect answered": async () => {
    const gone = await closedPort();
    const s = await serve((_q, res) => void res.writeHead(307, { location: `${gone}/v1/x` }).end());
    return { url: s.url, hits: () => s.received.length };
  },
  "per-attempt timeout": async () => {
    const s = await serve(() => undefined);
    return { url: s.url, call: { timeoutMs: 400 }, hits: () => s.received.length };
  },
  "timeout while reading an answered body": async () => {
    const s = await serve((_q, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write('{"code":0,');
    });
    return { url: s.url, call: { timeoutMs: 400 }, hits: () => s.received.length };
  },
  "caller's abort": async () => {
    const controller = new AbortController();
    const s = await serve(() => controller.abort());
    return { url: s.url, call: { signal: controller.signal }, hits: () => s.received.length };
  },
  "HTTP 503": reply(503, {}),
  "HTTP 408": reply(408, {}),
  "HTTP 429, Retry-After 1 s": reply(429, {}, { "retry-after": "1" }),
  "HTTP 429, Retry-After 120 s (over maxRetryAfterMs)": reply(429, {}, { "retry-after": "120" }),
  "HTTP 400": reply(400, {}),
  "HTTP 401": reply(401, {}),
  "HTTP 404": reply(404, {}),
  "code marked retryable (1004)": reply(200, { code: 1004, msg: "flaky" }),
  "code with retryCreate 1 (1003), none used": reply(200, { code: 1003, msg: "busy" }),
  "code out of credits (1002)": reply(200, { code: 1002, msg: "no credits" }),
  "code content rejected (1005)": reply(200, { code: 1005, msg: "no" }),
  "unknown code at HTTP 200": reply(200, { code: 7777, msg: "?" }),
  "2xx answer that is not JSON": async () => {
    const s = await serve(
      (_q, res) => void res.writeHead(200, { "content-type": "text/html" }).end("<html>"),
    );
    return { url: s.url, hits: () => s.received.length };
  },
  "answer over maxResponseBytes while reading": async () => {
    const s = await serve((_q, res) => json(res, 200, { code: 0, data: "x".repeat(4096) }));
    return { url: s.url, options: { limits: { maxResponseBytes: 256 } }, hits: () => s.received.length };
  },
  "more than 5 redirects": async () => {
    const s = await serve((q, res) => void res.writeHead(302, { location: `${q.url}/r` }).end());
    return { url: s.url, hits: () => s.received.length };
  },
  "redirect to a host off the list": async () => {
    const s = await serve((_q, res) => void res.writeHead(307, { location: "https://evil.test/x" }).end());
    return { url: s.url, hits: () => s.received.length };
  },
  "base URL off the list (checked before sending)": async () => {
    const s = await serve((_q, res) => json(res, 200, { code: 0, data: null }));
    return { url: s.url, path: "https://evil.test/x", hits: () => s.received.length };
  },
  "the wait's own deadline ran out mid-poll": async () => {
    const s = await serve(() => undefined);
    return { url: s.url, waitTimeoutMs: 300, hits: () => s.received.length };
  },
};

/** Table rows with no loopback form, and why (each is covered by decide-retry.test.ts). */
const unreproduced: Record<string, string> = {
  "code with retryCreate 1 (1003), one used": "is the second attempt of the row before it",
  "transient failure on the last attempt": "is every row's last attempt here",
  "lost on the last attempt": "is every row's last attempt here",
  "connect timed out (before any byte)": "needs an address that drops the connect; loopback answers at once",
  "DNS lookup failed": "needs a resolver; loopback tests use IP addresses",
  "no response headers in time (transport timer)":
    "undici's own timer (5 min) is not a client option; the per-attempt deadline row is its loopback form",
  "the poll function threw a TypeError": "no server involved: a bug in the caller's poll function",
};

function client(scenario: Scenario, maxAttempts: number, retries: { n: number }) {
  return createVendorClient(acmeVendor(), {
    baseUrl: `${scenario.url}/v1`,
    allowInsecureLoopback: true,
    apiKey: KEY,
    env: {},
    ...scenario.options,
    retry: { maxAttempts, baseDelayMs: 1, maxDelayMs: 5, onRetry: () => void retries.n++ },
  } as ClientOptions);
}

/** Plays the event for one kind: how many retries happened and what was thrown. */
async function play(kind: RequestKind, scenario: Scenario): Promise<{ retries: number; error: unknown }> {
  const retries = { n: 0 };
  const request: RawRequest = {
    method: kind === "read" ? "GET" : kind === "upload" ? "PUT" : "POST",
    path: scenario.path ?? "/x",
    kind: kind === "poll" ? "read" : kind,
    ...(kind === "read" || kind === "poll" ? {} : { body: kind === "upload" ? new Uint8Array([1, 2]) : {} }),
    ...scenario.call,
  };
  if (kind !== "poll") {
    const error = await client(scenario, 2, retries)
      .request(request)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    return { retries: retries.n, error };
  }
  // A poll request makes one attempt; the wait decides whether to poll again.
  const c = client(scenario, 1, retries);
  let polls = 0;
  const handle = { vendor: "acme", operation: "x", taskId: "T-1", createdAt: new Date().toISOString() };
  const error = await waitForTask({
    handle,
    minDelayMs: 1,
    maxDelayMs: 1,
    firstPollMs: 0,
    maxPollErrors: 2,
    timeoutMs: scenario.waitTimeoutMs ?? 60_000,
    poll: async (signal) => {
      polls++;
      await c.request({ ...request, signal: request.signal ?? signal });
      return { state: "running", raw: null };
    },
  }).then(
    () => undefined,
    (e: unknown) => e,
  );
  return { retries: polls - 1, error };
}

describe("the pipeline obeys the retry table (loopback)", () => {
  it("reproduces every table row or says why not", () => {
    const covered = [...Object.keys(scenarios), ...Object.keys(unreproduced)].sort();
    expect(covered).toEqual(retryTable.map((r) => r[0]).sort());
  });

  const kinds: Array<[RequestKind, number]> = [
    ["create", 2],
    ["read", 3],
    ["upload", 3],
    ["poll", 4],
  ];
  for (const row of retryTable) {
    const [event] = row;
    const setup = scenarios[event];
    if (!setup) continue;
    for (const [kind, column] of kinds) {
      const want = row[column] as string;
      if (want === "-") continue;
      it(`${kind}: ${event} -> ${want}`, async () => {
        const [action, sent, errorKind] = want.split(" ");
        const scenario = await setup();
        const { retries, error } = await play(kind, scenario);
        expect(isGenError(error) ? error.kind : error).toBe(errorKind);
        expect(retries).toBe(action === "retry" ? 1 : 0);
        if (sent === "no") expect(scenario.hits()).toBe(0);
        if (sent === "yes") expect(scenario.hits()).toBeGreaterThan(0);
      });
    }
  }
});
