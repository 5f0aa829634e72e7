import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HostNotAllowedError, InvalidResponseError } from "@gen/runtime";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fileBytes } from "./helpers/simulator.js";
import { type EdrawmaxHarness, startEdrawmax } from "./helpers/start-edrawmax.js";

const R = "edrawmax-sim.oss-cn-hangzhou.aliyuncs.com";
const D = "static.edrawsoft.com";
const X = "attacker.example";
const PNG = fileBytes("png")!.bytes;
const SVG = fileBytes("svg")!.bytes;

let h: EdrawmaxHarness;
let dir: string;
beforeAll(async () => {
  h = await startEdrawmax();
});
afterAll(() => h.close());
beforeEach(async () => {
  h.sim.reset();
  h.seen.length = 0;
  dir = await mkdtemp(join(tmpdir(), "edrawmax-dl-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const download = (url: string, options: { fileName?: string; accept?: string[]; maxBytes?: number } = {}) =>
  h.client.runtime.download(url, dir, { accept: ["image/png"], ...options });
const hostsSeen = () => new Set(h.seen.map((u) => new URL(u).host));
const offListRequests = () => h.sim.ledger.entries.filter((e) => e.host === X).length;
const to = (location: string) => `https://${D}/r/to?location=${encodeURIComponent(location)}`;

describe("result downloads through the host policy", () => {
  it("saves a PNG from a listed https host, atomically, with its bytes and type", async () => {
    const result = await download(`https://${R}/work/a/thumb.png`, { fileName: "diagram.png" });
    expect(result.path).toBe(join(dir, "diagram.png"));
    expect(result.contentType).toBe("image/png");
    expect(await readFile(result.path)).toEqual(PNG);
    expect(await readdir(dir)).toEqual(["diagram.png"]);
  });

  it("follows a redirect that stays on the list and reports the final URL", async () => {
    const result = await download(`https://${D}/r/in-list/main.svg`, { accept: ["image/svg+xml"] });
    expect(result.url).toBe(`https://${R}/work/redirected/main.svg`);
    expect(await readFile(result.path)).toEqual(SVG);
    expect([...hostsSeen()].sort()).toEqual([R, D].sort());
  });

  const direct: Array<[string, string]> = [
    ["plain http", `http://${R}/work/a/thumb.png`],
    ["off-list host", `https://${X}/thumb.png`],
    ["suffix without a dot boundary", "https://evilaliyuncs.com/thumb.png"],
    ["bare suffix domain", "https://aliyuncs.com/thumb.png"],
    ["listed suffix used as a prefix", `https://${R}.${X}/thumb.png`],
    ["listed name inside another domain", `https://aliyuncs.com.${X}/thumb.png`],
    ["userinfo hiding the real host", `https://${R}@${X}/thumb.png`],
    ["userinfo on a listed host", `https://user:pw@${R}/work/a/thumb.png`],
    ["IPv4 loopback literal", "https://127.0.0.1/thumb.png"],
    ["IPv4 private literal", "https://10.0.0.8/thumb.png"],
    ["cloud metadata address", "https://169.254.169.254/latest/meta-data"],
    ["decimal IP", "https://2130706433/thumb.png"],
    ["hex IP", "https://0x7f.1/thumb.png"],
    ["octal IP", "https://0177.0.0.1/thumb.png"],
    ["IPv6 loopback", "https://[::1]/thumb.png"],
    ["IPv4-mapped IPv6", "https://[::ffff:169.254.169.254]/thumb.png"],
    ["percent-encoded dot", `https://aliyuncs.com%2e${X}/thumb.png`],
    ["full-width dot", `https://aliyuncs.com\u3002${X}/thumb.png`],
    ["backslash authority trick", `https://${X}\\.aliyuncs.com/thumb.png`],
    ["non-default port on a listed host", `https://${R}:8443/work/a/thumb.png`],
    ["ftp scheme", `ftp://${R}/thumb.png`],
    ["file scheme", "file:///etc/passwd"],
    ["data URL", "data:image/png;base64,iVBORw0KGgo="],
    ["javascript URL", "javascript:alert(1)"],
    ["API host look-alike", `https://api.edrawmax.cn.${X}/thumb.png`],
    ["not a URL", "thumb.png"],
  ];

  it.each(direct)("refuses %s before any request and writes nothing", async (_name, url) => {
    const error = await download(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostNotAllowedError);
    expect(h.seen).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  const hops: Array<[string, string]> = [
    ["off-list host", `https://${X}/thumb.png`],
    ["downgrade to http on a listed host", `http://${R}/work/a/thumb.png`],
    ["IP literal", "https://127.0.0.1/thumb.png"],
    ["userinfo on a listed host", `https://user@${R}/work/a/thumb.png`],
    ["userinfo hiding the real host", `https://${R}@${X}/thumb.png`],
    ["suffix trick", "https://evilaliyuncs.com/thumb.png"],
    ["protocol-relative off-list", `//${X}/thumb.png`],
    ["file scheme", "file:///etc/passwd"],
    ["in-list hop, then off-list", `https://${D}/r/off-list/thumb.png`],
  ];

  it.each(hops)(
    "refuses a redirect to %s; only listed hops are requested, nothing is written",
    async (_name, location) => {
      const error = await download(to(location)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HostNotAllowedError);
      expect([...hostsSeen()]).toEqual([D]);
      expect(offListRequests()).toBe(0);
      expect(await readdir(dir)).toEqual([]);
    },
  );

  it("the simulator's off-list redirect is refused although the target serves a real PNG", async () => {
    const error = await download(`https://${D}/r/off-list/thumb.png`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostNotAllowedError);
    expect((error as HostNotAllowedError).host).toBe(X);
    const direct = await fetch(`${h.sim.hosts[X]}/thumb.png`);
    expect(Buffer.from(await direct.arrayBuffer())).toEqual(PNG);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe("never losing a file", () => {
  it("never overwrites an existing file", async () => {
    await writeFile(join(dir, "diagram.png"), "mine");
    const result = await download(`https://${R}/work/a/thumb.png`, { fileName: "diagram.png" });
    expect(result.path).toBe(join(dir, "diagram-1.png"));
    expect(await readFile(join(dir, "diagram.png"), "utf8")).toBe("mine");
    expect(await readFile(result.path)).toEqual(PNG);
  });

  it("concurrent downloads under one name each get their own file", async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, () => download(`https://${R}/work/a/thumb.png`, { fileName: "same.png" })),
    );
    const paths = results.map((r) => r.path);
    expect(new Set(paths).size).toBe(6);
    expect((await readdir(dir)).sort()).toEqual(
      ["same.png", "same-1.png", "same-2.png", "same-3.png", "same-4.png", "same-5.png"].sort(),
    );
  });
});

describe("size cap and content type", () => {
  it("refuses a body over the cap (declared length) and writes nothing", async () => {
    const error = await download(`https://${R}/large/big.png?bytes=70000`, { maxBytes: 65_536 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(await readdir(dir)).toEqual([]);
  });

  it("refuses a body over the cap while streaming (no length) and leaves no partial file", async () => {
    const client = h.clientWith({ stripContentLength: true });
    const error = await client.runtime
      .download(`https://${R}/large/big.png?bytes=200000`, dir, { maxBytes: 65_536 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(await readdir(dir)).toEqual([]);
  });

  it("accepts a body exactly at the cap", async () => {
    const result = await download(`https://${R}/large/edge.png?bytes=4096`, { maxBytes: 4096 });
    expect(result.bytes).toBe(4096);
  });

  it.each([
    ["an HTML page served for a PNG", `https://${R}/mislabeled/thumb.png`, ["image/png"]],
    ["an SVG served where a PNG is expected", `https://${R}/work/a/main.svg`, ["image/png"]],
    ["a PNG served where an SVG is expected", `https://${R}/work/a/thumb.png`, ["image/svg+xml"]],
  ])("refuses %s and writes nothing", async (_name, url, accept) => {
    const error = await download(url, { accept }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(/content type/i);
    expect(await readdir(dir)).toEqual([]);
  });
});
