import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { applyRules } from "../src/apply-rules.js";
import { createTask } from "../src/create-task.js";
import { createVendorCore } from "../src/create-vendor-client.js";
import { downloadFile } from "../src/download-file.js";
import { GenError, InvalidRequestError } from "../src/errors/index.js";
import type { ClientOptions, OperationDefinition, Task } from "../src/types.js";
import { acmeVendor, KEY } from "./helpers/acme-vendor.js";
import { json, type LoopbackServer, startServer } from "./helpers/loopback-server.js";

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** Answers every create with a task id, every poll with a finished task, anything else with `{ ok: 1 }`. */
async function acme(): Promise<LoopbackServer> {
  const s = await startServer((req, res) => {
    if (req.url.startsWith("/v1/tasks/")) {
      json(res, 200, { code: 0, msg: "ok", data: { status: 3, result: JSON.stringify({ url: "u" }) } });
    } else if (req.url === "/v1/files/a.txt") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("hello");
    } else if (req.url === "/v1/videos") {
      json(res, 200, { code: 0, msg: "ok", data: { task_id: "t-1" } });
    } else {
      json(res, 200, { code: 0, msg: "ok", data: { ok: 1 } });
    }
  });
  servers.push(s);
  return s;
}

const options = (s: LoopbackServer): ClientOptions =>
  ({ baseUrl: `${s.url}/v1`, allowInsecureLoopback: true, apiKey: KEY, env: {} }) as ClientOptions;

const makeVideo: OperationDefinition<{ prompt: string }, unknown> = {
  id: "makeVideo",
  name: "make_video",
  method: "POST",
  path: "/videos",
  kind: "create",
  task: {},
};
const ruled: OperationDefinition<{ a?: string; b?: string }, unknown> = {
  id: "ruled",
  name: "ruled",
  method: "POST",
  path: "/ruled",
  kind: "create",
  rules: [{ rule: "oneOfRequired", fields: ["a", "b"] }],
};
const plain: OperationDefinition<{ prompt: string }, { ok: number }> = {
  id: "plain",
  name: "plain",
  method: "POST",
  path: "/plain",
  kind: "create",
};

describe("createVendorCore", () => {
  it("runs a plain operation with no extensions", async () => {
    const s = await acme();
    const core = createVendorCore(acmeVendor(), options(s));
    expect(await core.invoke(plain, { prompt: "x" })).toEqual({ ok: 1 });
    expect(s.received.map((r) => r.url)).toEqual(["/v1/plain"]);
  });

  it("refuses a task operation before sending when it has no task support", async () => {
    const s = await acme();
    const core = createVendorCore(acmeVendor(), options(s));
    const error = await core.invoke(makeVideo, { prompt: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GenError);
    expect((error as GenError).message).toMatch(/`tasks` extension/);
    expect(() => core.task("t-1", "makeVideo")).toThrow(/`tasks` extension/);
    expect(s.received).toEqual([]);
  });

  it("creates and waits for tasks with `tasks: createTask`", async () => {
    const s = await acme();
    const core = createVendorCore(acmeVendor(), options(s), { tasks: createTask });
    const task = (await core.invoke(makeVideo, { prompt: "x" })) as Task<{ url: string }>;
    expect(task.taskId).toBe("t-1");
    expect(await task.wait()).toEqual({ url: "u" });
  });

  it("refuses an operation with rules before sending when it has no rules support", async () => {
    const s = await acme();
    const core = createVendorCore(acmeVendor(), options(s));
    await expect(core.invoke(ruled, { a: "1" })).rejects.toThrow(/`rules` extension/);
    expect(s.received).toEqual([]);
    const withRules = createVendorCore(acmeVendor(), options(s), { rules: applyRules });
    await expect(withRules.invoke(ruled, {})).rejects.toBeInstanceOf(InvalidRequestError);
    expect(await withRules.invoke(ruled, { b: "2" })).toEqual({ ok: 1 });
    expect(s.received.map((r) => r.body)).toEqual([JSON.stringify({ data: { b: "2" } })]);
  });

  it("downloads only with `download: downloadFile`", async () => {
    const s = await acme();
    const dir = await mkdtemp(join(tmpdir(), "core-client-"));
    try {
      const core = createVendorCore(acmeVendor(), options(s));
      await expect(core.download(`${s.url}/v1/files/a.txt`, dir)).rejects.toThrow(/`download` extension/);
      expect(s.received).toEqual([]);
      const full = createVendorCore(acmeVendor(), options(s), { download: downloadFile });
      const result = await full.download(`${s.url}/v1/files/a.txt`, dir);
      expect(result.bytes).toBe(5);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
