/**
 * Hooks and the logger see every attempt (retries included), redacted: the credential header
 * reads `[redacted]` and the secret appears nowhere in any event or log line, even when the
 * vendor echoes it back. Against a real loopback server.
 */
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVendorClient } from "../src/index.js";
import type { RequestEvent, ResponseEvent, VendorDefinition } from "../src/types.js";

const SECRET = "sk-live-0123456789";
const vendor: VendorDefinition = {
  id: "acme",
  displayName: "Acme",
  baseUrl: "https://api.acme.invalid",
  hosts: { api: ["api.acme.invalid"] },
  auth: { type: "apiKey", header: "X-Api-Key", credential: { option: "apiKey", env: ["ACME_KEY"] } },
};

let server: Server;
let baseUrl = "";
let calls = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    calls++;
    // The first answer fails (retried: a read), echoing the key; the second succeeds.
    if (calls % 2 === 1) res.writeHead(503, { "x-echo": String(req.headers["x-api-key"]) }).end("busy");
    else res.writeHead(200, { "content-type": "application/json", "x-request-id": "r-1" }).end('{"ok":true}');
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

describe("request/response hooks and the logger", () => {
  it("sees each attempt, redacted, and logs at the chosen level", async () => {
    const requests: RequestEvent[] = [];
    const responses: ResponseEvent[] = [];
    const lines: string[] = [];
    const log = (level: string) => (message: string, event?: object) =>
      lines.push(`${level} ${message} ${JSON.stringify(event)}`);
    const client = createVendorClient(vendor, {
      apiKey: SECRET,
      baseUrl,
      allowInsecureLoopback: true,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
      hooks: {
        onRequest: (e: RequestEvent) => requests.push(e),
        onResponse: (e: ResponseEvent) => responses.push(e),
      },
      logger: { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") },
      logLevel: "debug",
    } as never);
    const out = await client.request({
      method: "GET",
      path: `/v1/things?key=${SECRET}`,
      kind: "read",
      raw: true,
    });
    expect(out.data).toEqual({ ok: true });
    expect(requests.map((e) => e.attempt)).toEqual([1, 2]);
    expect(requests[0]?.headers["x-api-key"]).toBe("[redacted]");
    expect(requests[0]?.url).toBe(`${baseUrl}/v1/things?key=[redacted]`);
    expect(responses.map((e) => e.status)).toEqual([503, 200]);
    expect(responses[0]?.error?.name).toMatch(/Error$/);
    expect(responses[0]?.headers["x-echo"]).toBe("[redacted]");
    expect(responses[1]?.requestId).toBe("r-1");
    expect(lines.map((l) => l.split(" ")[0])).toEqual(["debug", "warn", "debug", "debug"]);
    const everything = JSON.stringify({ requests, responses, lines });
    expect(everything).not.toContain(SECRET);
  });

  it("logLevel filters: only failed attempts at warn", async () => {
    const lines: string[] = [];
    const client = createVendorClient(vendor, {
      apiKey: SECRET,
      baseUrl,
      allowInsecureLoopback: true,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
      logger: {
        debug: (m: string) => lines.push(`debug ${m}`),
        warn: (m: string) => lines.push(`warn ${m}`),
      },
      logLevel: "warn",
    } as never);
    await client.request({ method: "GET", path: "/v1/things", kind: "read", raw: true });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^warn GET .* -> \w+Error: /);
  });

  it("a throwing hook does not break the request", async () => {
    const client = createVendorClient(vendor, {
      apiKey: SECRET,
      baseUrl,
      allowInsecureLoopback: true,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
      hooks: {
        onRequest: () => {
          throw new Error("observer bug");
        },
      },
    } as never);
    const out = await client.request({ method: "GET", path: "/v1/things", kind: "read", raw: true });
    expect(out.status).toBe(200);
  });
});
