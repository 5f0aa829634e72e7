import { getPath } from "@gen/runtime";
import { afterEach, describe, expect, it } from "vitest";
import { builtinPlugin } from "../src/builtin-plugin.js";
import { defineSimulatorPlugin, type Simulator, startSimulator } from "../src/index.js";
import { fixture, postJson } from "./fixtures.js";

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const key = { "x-acme-key": "acme_sim" };

const acmePlugin = defineSimulatorPlugin({
  vendor: "acme",
  credentials: { apiKey: "acme_sim" },
  taskId: (seq) => `job-${seq}`,
  routes: [
    {
      method: "GET",
      path: "/v1/models/{family}",
      handle: (req, ctx) => ctx.ok({ family: req.params["family"] }),
    },
    {
      method: "POST",
      path: "/v1/video/text",
      handle: (req, ctx) => (getPath(req.body, "prompt") === "blocked" ? ctx.error(1004) : undefined),
    },
  ],
  hosts: [
    {
      host: "upload.acme.test",
      routes: [
        {
          method: "PUT",
          path: "/put/{name}",
          handle: (req, ctx) => ({ status: 200, json: { fdl: ctx.fileUrl("png", req.params["name"]) } }),
        },
      ],
    },
  ],
  taskResult: (task, ctx) => ({ video_url: ctx.fileUrl("mp4", task.id), extra: "plugin" }),
  pollData: (data) => ({ ...data, polled: true }),
  setup: (ctx) => void ctx.state.set("ready", true),
});

describe("plugin hook", () => {
  it("adds routes, overrides an operation or falls through, shapes results and poll data", async () => {
    sim = await startSimulator({ model: fixture("acme"), plugins: [acmePlugin], taskDurationMs: 0 });
    expect(sim.credentials).toEqual({ apiKey: "acme_sim" });
    const family = await fetch(`${sim.baseUrl}/v1/models/veo`, { headers: key });
    expect(await family.json()).toMatchObject({ code: 0, data: { family: "veo" } });
    expect((await fetch(`${sim.baseUrl}/v1/models/veo`)).status).toBe(401);
    const blocked = await postJson(`${sim.baseUrl}/v1/video/text`, { prompt: "blocked" }, key);
    expect(blocked.json.code).toBe(1004);
    const created = await postJson(`${sim.baseUrl}/v1/video/text`, { prompt: "fine" }, key);
    expect(getPath(created.json, "data.task_id")).toBe("job-1");
    const poll = await postJson(`${sim.baseUrl}/v1/task`, { task_id: "job-1" }, key);
    expect(poll.json).toMatchObject({ data: { polled: true, result: { extra: "plugin" } } });
    expect(getPath(poll.json, "data.result.video_url")).toBe(`${sim.origin}/__sim/files/job-1.mp4`);
  });

  it("serves extra hosts on their own loopback server and rewrites vendor URLs", async () => {
    sim = await startSimulator({ model: fixture("acme"), plugins: [acmePlugin] });
    const upload = sim.hosts["upload.acme.test"]!;
    expect(upload).not.toBe(sim.origin);
    const put = await fetch(sim.rewriteUrl("https://upload.acme.test/put/pic?x=1"), {
      method: "PUT",
      body: "bytes",
    });
    const fdl = getPath(await put.json(), "fdl") as string;
    expect((await fetch(fdl)).headers.get("content-type")).toBe("image/png");
    expect(sim.rewriteUrl("https://api.acme.test/v2/v1/task")).toBe(`${sim.origin}/v2/v1/task`);
    expect(sim.rewriteUrl("https://elsewhere.test/a")).toBe("https://elsewhere.test/a");
    expect(sim.ledger.requests({ host: "upload.acme.test" })).toHaveLength(1);
  });

  it("finds the plugin it ships for a vendor by the module's name, and none for others", async () => {
    for (const id of ["edrawmax", "ima", "mediaio", "tomoviee"])
      expect((await builtinPlugin(id))?.vendor).toBe(id);
    expect(await builtinPlugin("acme")).toBeUndefined();
    expect(await builtinPlugin("../index")).toBeUndefined();
  });
});
