import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createVendorClient } from "../src/create-vendor-client.js";
import { HostNotAllowedError, InvalidResponseError, NotFoundError } from "../src/errors/index.js";
import type { ClientOptions } from "../src/types.js";
import { acmeVendor, KEY } from "./helpers/acme-vendor.js";
import { type LoopbackServer, startServer } from "./helpers/loopback-server.js";

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5, 6]);
const servers: LoopbackServer[] = [];
let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "runtime-dl-"));
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await rm(dir, { recursive: true, force: true });
});

/** A CDN: /f.png -> PNG, /big -> 100 kB streamed without length, /hop/n -> redirects, /off -> off-list hop. */
async function cdnServer() {
  const s = await startServer((q, res) => {
    if (q.url.startsWith("/f.png") || q.url === "/final")
      return void res.writeHead(200, { "content-type": "image/png" }).end(PNG);
    if (q.url === "/page") return void res.writeHead(200, { "content-type": "text/html" }).end("<html/>");
    if (q.url === "/big") {
      res.writeHead(200, { "content-type": "image/png" });
      for (let i = 0; i < 100; i++) res.write(Buffer.alloc(1024));
      return void res.end();
    }
    if (q.url === "/slow") {
      res.writeHead(200, { "content-type": "image/png" });
      res.write(Buffer.alloc(1024));
      return void setTimeout(() => res.end(Buffer.alloc(1024)), 2000);
    }
    if (q.url === "/declared")
      return void res.writeHead(200, { "content-type": "image/png", "content-length": "99999" }).end();
    if (q.url === "/off") return void res.writeHead(302, { location: "https://evil.test/x.png" }).end();
    if (q.url === "/to-final")
      return void res.writeHead(302, { location: "https://b.acme-cdn.test/final" }).end();
    res.writeHead(404).end();
  });
  servers.push(s);
  return s;
}

/** Route https URLs of the made-up vendor to loopback servers; the host policy still sees the https URLs. */
function client(api: LoopbackServer, cdn: LoopbackServer) {
  const route: typeof fetch = (input, init) => {
    const url = new URL(String(input));
    return fetch(`${url.hostname === "api.acme.test" ? api.url : cdn.url}${url.pathname}`, init);
  };
  return createVendorClient(acmeVendor(), { fetch: route, apiKey: KEY, env: {} } as ClientOptions);
}

describe("download", () => {
  it("streams a results-host file to disk without credentials and never overwrites", async () => {
    const cdn = await cdnServer();
    const api = await cdnServer();
    const c = client(api, cdn);
    await writeFile(join(dir, "f.png"), "existing");
    const r = await c.download("https://a.acme-cdn.test/f.png?sig=1", dir, { accept: ["image/"] });
    expect(r).toMatchObject({ path: join(dir, "f-1.png"), bytes: PNG.length, contentType: "image/png" });
    expect(await readFile(r.path)).toEqual(PNG);
    expect(await readFile(join(dir, "f.png"), "utf8")).toBe("existing");
    const again = await c.download("https://a.acme-cdn.test/f.png", dir);
    expect(again.path).toBe(join(dir, "f-2.png"));
    expect(cdn.received.every((x) => x.headers["x-acme-key"] === undefined)).toBe(true);
    expect((await readdir(dir)).filter((f) => f.endsWith(".part"))).toEqual([]);
  });

  it("sends credentials to API hosts only", async () => {
    const cdn = await cdnServer();
    const api = await cdnServer();
    await client(api, cdn).download("https://api.acme.test/f.png", dir, { fileName: "api.png" });
    expect(api.received[0]!.headers["x-acme-key"]).toBe(KEY);
  });

  it("follows on-list redirect hops and refuses off-list ones, writing nothing", async () => {
    const cdn = await cdnServer();
    const c = client(await cdnServer(), cdn);
    const r = await c.download("https://a.acme-cdn.test/to-final", dir, { fileName: "x.png" });
    expect(r.url).toBe("https://b.acme-cdn.test/final");
    await expect(
      c.download("https://a.acme-cdn.test/off", dir, { fileName: "y.png" }),
    ).rejects.toBeInstanceOf(HostNotAllowedError);
    await expect(c.download("https://evil.test/f.png", dir)).rejects.toBeInstanceOf(HostNotAllowedError);
    expect(await readdir(dir)).toEqual(["x.png"]);
  });

  it("enforces maxBytes while streaming and from Content-Length, deleting partial files", async () => {
    const c = client(await cdnServer(), await cdnServer());
    await expect(c.download("https://a.acme-cdn.test/big", dir, { maxBytes: 10_000 })).rejects.toBeInstanceOf(
      InvalidResponseError,
    );
    await expect(
      c.download("https://a.acme-cdn.test/declared", dir, { maxBytes: 10_000 }),
    ).rejects.toBeInstanceOf(InvalidResponseError);
    expect(await readdir(dir)).toEqual([]);
    const fits = await c.download("https://a.acme-cdn.test/big", dir, { maxBytes: 200_000 });
    expect(fits.bytes).toBe(100 * 1024);
    expect(fits.path).toBe(join(dir, "big.png"));
  });

  it("an abort mid-stream leaves no partial file", async () => {
    const c = client(await cdnServer(), await cdnServer());
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(
      c.download("https://a.acme-cdn.test/slow", dir, { signal: controller.signal }),
    ).rejects.toMatchObject({
      kind: "aborted",
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it("checks the content type", async () => {
    const c = client(await cdnServer(), await cdnServer());
    await expect(
      c.download("https://a.acme-cdn.test/page", dir, { accept: ["image/", "video/"] }),
    ).rejects.toThrow(/text\/html/);
    expect(await readdir(dir)).toEqual([]);
  });

  it("maps HTTP errors and keeps names safe", async () => {
    const c = client(await cdnServer(), await cdnServer());
    await expect(c.download("https://a.acme-cdn.test/missing", dir)).rejects.toBeInstanceOf(NotFoundError);
    const r = await c.download("https://a.acme-cdn.test/f.png", dir, { fileName: "../../etc/passwd" });
    expect(r.path.startsWith(dir)).toBe(true);
  });

  it("never clobbers under concurrent downloads of the same name", async () => {
    const c = client(await cdnServer(), await cdnServer());
    const results = await Promise.all(
      Array.from({ length: 5 }, () => c.download("https://a.acme-cdn.test/f.png", dir)),
    );
    expect(new Set(results.map((r) => r.path)).size).toBe(5);
    expect((await readdir(dir)).sort()).toEqual(["f-1.png", "f-2.png", "f-3.png", "f-4.png", "f.png"]);
  });
});
