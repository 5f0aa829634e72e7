import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../src/index.js";
import { fixture, postJson } from "./fixtures.js";

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const basic = (key: string, secret: string) => `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`;

describe("auth from x-gen-auth", () => {
  it("apiKey: accepts the key, refuses a missing or wrong one with the vendor code and HTTP status", async () => {
    sim = await startSimulator({ model: fixture("acme") });
    expect(sim.credentials).toEqual({ apiKey: "sim-key" });
    const url = `${sim.baseUrl}/v1/video/text`;
    const ok = await postJson(url, { prompt: "cat" }, { "x-acme-key": "sim-key" });
    expect(ok.status).toBe(200);
    expect(ok.json.code).toBe(0);
    const missing = await postJson(url, { prompt: "cat" });
    expect(missing.status).toBe(401);
    expect(missing.json.code).toBe(1001);
    expect(missing.json.msg).toContain("X-Acme-Key");
    const wrong = await postJson(url, { prompt: "cat" }, { "x-acme-key": "nope" });
    expect(wrong.json.code).toBe(1001);
    expect(JSON.stringify(wrong.json)).not.toContain("sim-key");
    expect(sim.ledger.createCount()).toBe(1);
  });

  it("apiKey: honours credentials given as options", async () => {
    sim = await startSimulator({ model: fixture("acme"), credentials: { apiKey: "custom" } });
    const url = `${sim.baseUrl}/v1/video/text`;
    expect((await postJson(url, { prompt: "a" }, { "x-acme-key": "sim-key" })).json.code).toBe(1001);
    expect((await postJson(url, { prompt: "a" }, { "x-acme-key": "custom" })).json.code).toBe(0);
  });

  it("basic: needs Basic key:secret and the key header; refusal is HTTP 200 + vendor code", async () => {
    sim = await startSimulator({ model: fixture("zeta") });
    expect(sim.credentials).toEqual({ appKey: "sim-app-key", appSecret: "sim-app-secret" });
    const url = `${sim.baseUrl}/music`;
    const body = { payload: { prompt: "jazz", duration: 10 } };
    const auth = basic("sim-app-key", "sim-app-secret");
    const ok = await postJson(url, body, { authorization: auth, "x-app-key": "sim-app-key" });
    expect(ok.json.code).toBe(0);
    const noKeyHeader = await postJson(url, body, { authorization: auth });
    expect(noKeyHeader.status).toBe(200);
    expect(noKeyHeader.json.code).toBe(40100);
    const badSecret = await postJson(url, body, {
      authorization: basic("sim-app-key", "x"),
      "x-app-key": "sim-app-key",
    });
    expect(badSecret.json.code).toBe(40100);
  });

  it("bearer: needs the token and every fixed header; without an envelope answers HTTP 401", async () => {
    sim = await startSimulator({ model: fixture("nova") });
    const url = `${sim.baseUrl}/diagram/flowchart`;
    const ok = await postJson(
      url,
      { prompt: "p" },
      { authorization: "Bearer sim-key", "x-app-source": "nova_skills" },
    );
    expect(ok.status).toBe(200);
    expect(typeof ok.json.png_url).toBe("string");
    const noFixed = await postJson(url, { prompt: "p" }, { authorization: "Bearer sim-key" });
    expect(noFixed.status).toBe(401);
    expect(noFixed.json.message).toContain("x-app-source");
  });

  it("none: accepts requests without credentials", async () => {
    const model = { ...fixture("nova"), "x-gen-auth": { type: "none" } };
    sim = await startSimulator({ model });
    expect(sim.credentials).toEqual({});
    expect((await postJson(`${sim.baseUrl}/diagram/gantt`, { prompt: "p" })).status).toBe(200);
  });

  it("redacts credentials in the ledger but lets assertion helpers check them", async () => {
    sim = await startSimulator({ model: fixture("acme") });
    await postJson(
      `${sim.baseUrl}/v1/video/text?k=sim-key`,
      { prompt: "sim-key" },
      { "x-acme-key": "sim-key" },
    );
    const [entry] = sim.ledger.entries;
    expect(JSON.stringify(sim.ledger.toJSON())).not.toContain("sim-key");
    expect(entry!.headers["x-acme-key"]).toBe("[redacted]");
    expect(sim.ledger.headerEquals(entry!, "X-Acme-Key", "sim-key")).toBe(true);
    expect(sim.ledger.headerEquals(entry!, "X-Acme-Key", "other")).toBe(false);
  });
});
