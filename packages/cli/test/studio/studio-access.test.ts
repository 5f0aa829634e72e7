import { mkdtemp } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StudioServer } from "../../src/commands/studio.js";
import { collect, spawnGen, waitForLine } from "../helpers/run-gen.js";
import { type StudioFixture, studioFixture } from "./studio-fixture.js";

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so the test can send any Host, Origin or Cookie header. */
function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      let text = "";
      res.on("data", (d: Buffer) => {
        text += d.toString();
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("gen studio refuses requests without the token, from other origins or Hosts", {
  timeout: 60_000,
}, () => {
  let fx: StudioFixture;
  let server: StudioServer;
  let port: number;
  let host: string;
  let cookie: string;

  beforeAll(async () => {
    fx = await studioFixture();
    server = await fx.startStudio();
    port = server.studio.port;
    host = `127.0.0.1:${port}`;
    const opened = await send(port, "GET", `/?token=${server.studio.token}`, { Host: host });
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe("/");
    const setCookie = String(opened.headers["set-cookie"]);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    cookie = setCookie.split(";")[0] as string;
  }, 60_000);

  afterAll(() => fx?.close());

  const run = JSON.stringify({ vendor: "mediaio", operation: "t2iImagen4", input: { prompt: "x" } });

  it("serves the page and the API with the session cookie (or the token as a bearer)", async () => {
    expect((await send(port, "GET", "/", { Host: host, Cookie: cookie })).status).toBe(200);
    const catalog = await send(port, "GET", "/api/catalog", { Host: host, Cookie: cookie });
    expect(catalog.status).toBe(200);
    expect(JSON.parse(catalog.body).vendors.map((v: { id: string }) => v.id)).toEqual([
      "mediaio",
      "tomoviee",
      "edrawmax",
      "ima",
    ]);
    const bearer = { Host: host, Authorization: `Bearer ${server.studio.token}` };
    expect((await send(port, "GET", "/api/runs", bearer)).status).toBe(200);
  });

  it("never sends a credential to the page", async () => {
    const catalog = await send(port, "GET", "/api/catalog", { Host: host, Cookie: cookie });
    for (const sim of Object.values(fx.sims)) {
      for (const value of Object.values(sim.credentials)) expect(catalog.body).not.toContain(value);
    }
  });

  it("refuses every path without the token, or with a wrong one", async () => {
    for (const path of ["/", "/app.js", "/api/catalog", "/api/runs", "/api/files/x"]) {
      expect((await send(port, "GET", path, { Host: host })).status).toBe(401);
    }
    const wrong = `gen_studio_${port}=${"x".repeat(server.studio.token.length)}`;
    expect((await send(port, "GET", "/api/catalog", { Host: host, Cookie: wrong })).status).toBe(401);
    expect((await send(port, "GET", "/?token=nope", { Host: host })).status).toBe(401);
    const posted = await send(
      port,
      "POST",
      "/api/runs",
      { Host: host, Origin: `http://${host}`, "Content-Type": "application/json" },
      run,
    );
    expect(posted.status).toBe(401);
    expect(fx.sims.mediaio?.ledger.entries).toEqual([]);
  });

  it("refuses another origin even with the cookie (a page elsewhere cannot drive it)", async () => {
    for (const origin of ["http://evil.example", "http://127.0.0.1:1", "null"]) {
      const headers = { Host: host, Cookie: cookie, Origin: origin, "Content-Type": "application/json" };
      expect((await send(port, "POST", "/api/runs", headers, run)).status).toBe(403);
      expect((await send(port, "GET", "/api/catalog", headers)).status).toBe(403);
    }
    const crossSite = { Host: host, Cookie: cookie, "Sec-Fetch-Site": "cross-site" };
    expect((await send(port, "GET", "/api/catalog", crossSite)).status).toBe(403);
    // A state-changing request must name its origin (browsers always do).
    const anonymous = { Host: host, Cookie: cookie, "Content-Type": "application/json" };
    expect((await send(port, "POST", "/api/runs", anonymous, run)).status).toBe(403);
    expect(fx.sims.mediaio?.ledger.entries).toEqual([]);
  });

  it("refuses a DNS-rebinding Host header even with the cookie", async () => {
    for (const badHost of ["evil.example", `evil.example:${port}`, "127.0.0.1", `127.0.0.2:${port}`]) {
      expect((await send(port, "GET", "/api/catalog", { Host: badHost, Cookie: cookie })).status).toBe(421);
    }
    expect(
      (await send(port, "GET", "/api/catalog", { Host: `localhost:${port}`, Cookie: cookie })).status,
    ).toBe(200);
  });

  it("binds to loopback only", () => {
    expect(server.studio.origin).toBe(`http://127.0.0.1:${port}`);
  });
});

describe("gen studio --mock", { timeout: 60_000 }, () => {
  it("starts the simulators in-process, prints the URL with a fresh token, and stops on Ctrl-C", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "gen-studio-cli-"));
    const child = spawnGen(["studio", "--mock", "--json", "--data-dir", dataDir]);
    const done = collect(child);
    try {
      const line = (await waitForLine(child, /^\{"type":"ready".*\}$/m))[0];
      const ready = JSON.parse(line) as { url: string; origin: string };
      const url = new URL(ready.url);
      expect(url.hostname).toBe("127.0.0.1");
      const token = url.searchParams.get("token") as string;
      expect(token.length).toBeGreaterThanOrEqual(32);
      const port = Number(url.port);
      const catalog = await send(port, "GET", "/api/catalog", {
        Host: url.host,
        Authorization: `Bearer ${token}`,
      });
      const vendors = JSON.parse(catalog.body).vendors as Array<{
        id: string;
        simulated: boolean;
        credentialsSet: boolean;
      }>;
      expect(vendors.map((v) => [v.id, v.simulated, v.credentialsSet])).toEqual([
        ["mediaio", true, true],
        ["tomoviee", true, true],
        ["edrawmax", true, true],
        ["ima", true, true],
      ]);
      expect((await send(port, "GET", "/api/catalog", { Host: url.host })).status).toBe(401);
    } finally {
      child.kill("SIGINT");
    }
    const exited = await done;
    expect(exited.signal).toBeNull();
    expect([0, 130]).toContain(exited.code);
  });
});
