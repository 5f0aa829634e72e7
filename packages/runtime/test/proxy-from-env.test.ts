/**
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY: the Node default transport tunnels through the proxy the
 * environment names, the host policy still judges the real target (an off-list host never reaches
 * the proxy), NO_PROXY and loopback go direct. The proxy is a real loopback CONNECT proxy that
 * records what it is asked for and refuses the tunnel (no vendor is reachable from here).
 */
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVendorClient, HostNotAllowedError, NetworkError } from "../src/index.js";
import type { VendorDefinition } from "../src/types.js";
import { agentFromEnv, undiciTransport } from "../src/undici-transport.js";

const vendor: VendorDefinition = {
  id: "acme",
  displayName: "Acme",
  baseUrl: "https://api.acme.invalid",
  hosts: { api: ["api.acme.invalid"] },
  auth: { type: "apiKey", header: "x-api-key", credential: { option: "apiKey", env: ["ACME_KEY"] } },
};

let proxy: Server;
let target: Server;
const connects: string[] = [];
const direct: string[] = [];
let proxyUrl = "";
let targetUrl = "";

beforeAll(async () => {
  proxy = createServer((_req, res) => res.writeHead(502).end());
  proxy.on("connect", (req, socket) => {
    connects.push(String(req.url));
    socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
  });
  target = createServer((req, res) => {
    direct.push(String(req.url));
    res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
  });
  proxy.listen(0, "127.0.0.1");
  target.listen(0, "127.0.0.1");
  await Promise.all([once(proxy, "listening"), once(target, "listening")]);
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
});
afterAll(() => {
  proxy.close();
  target.close();
});

const client = (env: Record<string, string>, options: { baseUrl?: string } = {}) =>
  createVendorClient(vendor, {
    apiKey: "secret-key",
    env: {},
    retry: { maxAttempts: 1 },
    transport: undiciTransport(agentFromEnv(env)),
    ...(options.baseUrl ? { baseUrl: options.baseUrl, allowInsecureLoopback: true } : {}),
  } as never);

describe("proxy from the environment", () => {
  it("tunnels an https request through HTTPS_PROXY (the proxy sees only CONNECT host:443)", async () => {
    connects.length = 0;
    const error = await client({ HTTPS_PROXY: proxyUrl })
      .request({ method: "GET", path: "/v1/credits", kind: "read" })
      .catch((e: unknown) => e);
    expect(connects).toEqual(["api.acme.invalid:443"]);
    expect(error).toBeInstanceOf(NetworkError);
    expect(String((error as Error).message)).not.toContain("secret-key");
  });

  it("applies the host policy to the real target: an off-list host never reaches the proxy", async () => {
    connects.length = 0;
    const error = await client({ https_proxy: proxyUrl })
      .request({ method: "GET", path: "https://evil.invalid/steal", kind: "read" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostNotAllowedError);
    expect(connects).toEqual([]);
  });

  it("goes direct for NO_PROXY hosts", async () => {
    connects.length = 0;
    const error = await client({ HTTPS_PROXY: proxyUrl, NO_PROXY: ".acme.invalid" })
      .request({ method: "GET", path: "/v1/credits", kind: "read" })
      .catch((e: unknown) => e);
    expect(connects).toEqual([]);
    expect(error).toBeInstanceOf(NetworkError); // direct attempt: .invalid never resolves
  });

  it("never proxies loopback (the simulators)", async () => {
    connects.length = 0;
    direct.length = 0;
    const out = await client({ HTTP_PROXY: proxyUrl, HTTPS_PROXY: proxyUrl }, { baseUrl: targetUrl }).request(
      {
        method: "GET",
        path: "/v1/credits",
        kind: "read",
        raw: true,
      },
    );
    expect(out.data).toEqual({ ok: true });
    expect(direct).toEqual(["/v1/credits"]);
    expect(connects).toEqual([]);
  });

  it("without proxy variables it is a plain agent", () => {
    expect(agentFromEnv({}).constructor.name).toBe("Agent");
    expect(agentFromEnv({ HTTPS_PROXY: proxyUrl }).constructor.name).toBe("EnvHttpProxyAgent");
  });
});
