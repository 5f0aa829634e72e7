import { getPath } from "@gen/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../src/index.js";
import { fixture, postJson } from "./fixtures.js";

let acme: Simulator;
let zeta: Simulator;
let nova: Simulator;
beforeAll(async () => {
  [acme, zeta, nova] = await Promise.all([
    startSimulator({ model: fixture("acme") }),
    startSimulator({ model: fixture("zeta") }),
    startSimulator({ model: fixture("nova") }),
  ]);
});
afterAll(() => Promise.all([acme.close(), zeta.close(), nova.close()]));

const key = { "x-acme-key": "sim-key" };
const create = (body: unknown) => postJson(`${acme.baseUrl}/v1/video/text`, body, key);

describe("request validation", () => {
  it.each([
    [{}, "prompt: is required"],
    [{ prompt: "x".repeat(21) }, "prompt: must be at most 20 characters"],
    [{ prompt: "ok", ratio: "4:3" }, 'ratio: must be one of "16:9", "9:16"'],
    [{ prompt: "ok", count: 9 }, "count: must be <= 4"],
    [{ prompt: "ok", count: "2" }, "count: must be of type integer"],
    [{ prompt: "ok", mode: "fixed" }, 'seed: required when mode is "fixed"'],
  ])("refuses %j with the invalid-request code naming the field", async (body, message) => {
    const r = await create(body);
    expect(r.status).toBe(200);
    expect(r.json.code).toBe(1002);
    expect(r.json.msg).toContain(message);
  });

  it("refuses before creating anything and accepts unknown extra fields", async () => {
    const before = acme.ledger.createCount("textToVideo");
    await create({ prompt: "" });
    expect(acme.ledger.createCount("textToVideo")).toBe(before);
    const r = await create({ prompt: "ok", future_field: 1 });
    expect(r.json.code).toBe(0);
    expect(acme.ledger.createCount("textToVideo")).toBe(before + 1);
  });

  it("validates the unwrapped body of a wrapped vendor", async () => {
    const headers = {
      authorization: `Basic ${Buffer.from("sim-app-key:sim-app-secret").toString("base64")}`,
      "x-app-key": "sim-app-key",
    };
    const url = `${zeta.baseUrl}/music`;
    const unwrapped = await postJson(url, { prompt: "jazz", duration: 10 }, headers);
    expect(unwrapped.json.code).toBe(40000);
    expect(unwrapped.json.msg).toContain("prompt: is required");
    const tooLong = await postJson(url, { payload: { prompt: "jazz", duration: 95 } }, headers);
    expect(tooLong.json.msg).toContain("duration: must be < 95");
    const badUrl = await postJson(
      url,
      { payload: { prompt: "j", duration: 5, callback: "not a url" } },
      headers,
    );
    expect(badUrl.json.msg).toContain("callback: must be a valid uri");
    const ok = await postJson(url, { payload: { prompt: "jazz", duration: 10 } }, headers);
    expect(typeof getPath(ok.json, "data.job.id")).toBe("string");
  });

  it("validates path, query and header parameters", async () => {
    const auth = { authorization: "Bearer sim-key", "x-app-source": "nova_skills" };
    const badPath = await postJson(`${nova.baseUrl}/diagram/mindmap`, { prompt: "p" }, auth);
    expect(badPath.status).toBe(400);
    expect(badPath.json.message).toContain("kind: must be one of");
    const badHeader = await postJson(
      `${nova.baseUrl}/diagram/gantt`,
      { prompt: "p" },
      { ...auth, "x-user-id": "123456789" },
    );
    expect(badHeader.json.message).toContain("X-User-ID: must be at most 8 characters");
    const badQuery = await fetch(`${acme.baseUrl}/v1/balance?currency=gbp`, { headers: key });
    expect(((await badQuery.json()) as { msg: string }).msg).toContain("currency: must be one of");
  });

  it("answers 404 for unknown operations and paths outside the base path", async () => {
    const unknown = await postJson(`${acme.baseUrl}/v1/nope`, {}, key);
    expect(unknown.status).toBe(404);
    expect(unknown.json.code).toBe(1003);
    const wrongMethod = await fetch(`${acme.baseUrl}/v1/video/text`, { headers: key });
    expect(wrongMethod.status).toBe(404);
    const outside = await postJson(`${acme.origin}/v1/video/text`, { prompt: "a" }, key);
    expect(outside.status).toBe(404);
  });

  it("answers sync operations with a sample of their response schema", async () => {
    const r = await fetch(`${acme.baseUrl}/v1/balance`, { headers: key });
    const body = (await r.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ code: 0, msg: "", data: { credits: 100 } });
    expect(body["trace_id"]).toMatch(/^sim-trace-/);
  });
});
