import { afterEach, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { createVendorClient } from "../src/create-vendor-client.js";
import { InvalidRequestError, InvalidResponseError, TaskFailedError } from "../src/errors/index.js";
import type { ClientOptions, OperationDefinition, ProgressEvent, Task } from "../src/types.js";
import { acmeVendor, KEY } from "./helpers/acme-vendor.js";
import { json, type LoopbackServer, startServer } from "./helpers/loopback-server.js";

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function server(handler: Parameters<typeof startServer>[0]) {
  const s = await startServer(handler);
  servers.push(s);
  return s;
}
const ok = (data: unknown) => ({ code: 0, msg: "ok", data });
const client = (s: LoopbackServer, options: ClientOptions = {}) =>
  createVendorClient(acmeVendor(), {
    baseUrl: `${s.url}/v1`,
    allowInsecureLoopback: true,
    apiKey: KEY,
    env: {},
    ...options,
  } as ClientOptions);

let built = 0;
const edit: OperationDefinition<
  { id: string; prompt: string; n?: number; tags?: string[]; user?: string },
  { url: string }
> = {
  id: "editImage",
  name: "Edit Image",
  method: "POST",
  path: "/images/{id}/edit",
  pathParams: ["id"],
  queryParams: ["n"],
  headerParams: { user: "X-User-ID" },
  kind: "read",
  constBody: { version: "v2" },
  input: () => {
    built++;
    return z.object({
      id: z.string(),
      prompt: z.string().check(z.maxLength(10)),
      n: z.optional(z.number()),
      tags: z.optional(z.array(z.string())),
      user: z.optional(z.string()),
    });
  },
  output: (data) => ({ url: String((data as { png_url: string }).png_url) }),
  outputAliases: { pngUrl: "png_url", source: ["mermaid_code", "source_code"] },
  rules: [{ rule: "defaultFrom", field: "tags", from: "prompt" }],
};

describe("invoke", () => {
  it("validates before any request, naming the field path and rule", async () => {
    const s = await server((_q, res) => json(res, 200, ok({})));
    const error = (await client(s)
      .invoke(edit, { id: "a", prompt: "far too long prompt", tags: [1 as unknown as string] })
      .catch((e: unknown) => e)) as InvalidRequestError;
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.issues.map((i) => [i.field, i.rule])).toEqual([
      ["prompt", "too_big"],
      ["tags.0", "invalid_type"],
    ]);
    expect(error.message).toContain("tags.0");
    expect(s.received).toHaveLength(0);
  });

  it("points field at each unknown key of a strict object", async () => {
    const s = await server((_q, res) => json(res, 200, ok({})));
    const op: OperationDefinition = {
      id: "strict",
      name: "Strict",
      method: "POST",
      path: "/s",
      kind: "read",
      input: z.strictObject({ a: z.string() }),
    };
    const error = (await client(s)
      .invoke(op, { a: "x", user_id: 1, extra: 2 })
      .catch((e: unknown) => e)) as InvalidRequestError;
    expect(error.issues.map((i) => [i.field, i.rule])).toEqual([
      ["user_id", "unrecognized_keys"],
      ["extra", "unrecognized_keys"],
    ]);
    expect(error.field).toBe("user_id");
    expect(s.received).toHaveLength(0);
  });

  it("builds the lazy schema once", async () => {
    const s = await server((_q, res) => json(res, 200, ok({ png_url: "u" })));
    const before = built;
    await client(s).invoke(edit, { id: "a", prompt: "p" });
    await client(s).invoke(edit, { id: "b", prompt: "p" });
    expect(built - before).toBeLessThanOrEqual(1);
  });

  it("substitutes path params, moves query and header params, merges const and extra body, wraps", async () => {
    const s = await server((_q, res) =>
      json(res, 200, ok({ png_url: "https://x/p.png", source_code: "graph" })),
    );
    const out = await client(s).invoke(
      edit,
      { id: "a/b c", prompt: "hi", n: 2, user: "u-1" },
      { extraBody: { beta: true }, headers: { "X-Trace": "t" } },
    );
    const got = s.received[0]!;
    expect(got.url).toBe("/v1/images/a%2Fb%20c/edit?n=2");
    expect(got.headers["x-user-id"]).toBe("u-1");
    expect(got.headers["x-trace"]).toBe("t");
    expect(JSON.parse(got.body)).toEqual({ data: { prompt: "hi", tags: "hi", version: "v2", beta: true } });
    expect(out).toEqual({ url: "https://x/p.png", pngUrl: "https://x/p.png", source: "graph" });
  });

  it("sends {} when there is nothing to send", async () => {
    const s = await server((_q, res) => json(res, 200, ok({ a: 1 })));
    const op: OperationDefinition = { id: "ping", name: "Ping", method: "POST", path: "/ping", kind: "read" };
    expect(await client(s).invoke(op, {})).toEqual({ a: 1 });
    expect(s.received[0]!.body).toBe("{}");
  });

  it("applies prepare after rules", async () => {
    const s = await server((_q, res) => json(res, 200, ok(null)));
    const op: OperationDefinition<{ a?: string; b?: string }> = {
      id: "p",
      name: "P",
      method: "POST",
      path: "/p",
      kind: "read",
      rules: [{ rule: "oneOfRequired", fields: ["a", "b"] }],
      prepare: (input) => ({ ...input, b: `${input.a}!` }),
    };
    await expect(client(s).invoke(op, {})).rejects.toMatchObject({ rule: "oneOfRequired" });
    await client(s).invoke(op, { a: "x" });
    expect(JSON.parse(s.received[0]!.body)).toEqual({ data: { a: "x", b: "x!" } });
  });
});

describe("tasks", () => {
  const create: OperationDefinition<{ prompt: string }> = {
    id: "textToVideo",
    name: "text2video",
    method: "POST",
    path: "/video",
    kind: "create",
    task: { estimatedMs: [20, 40] },
  };

  function taskServer(states: Array<Record<string, unknown>>) {
    let poll = 0;
    return server((q, res) => {
      if (q.url === "/v1/video") return json(res, 200, ok({ task_id: "T-1" }));
      if (q.url === "/v1/tasks/T-1") return json(res, 200, ok(states[Math.min(poll++, states.length - 1)]));
      json(res, 404, {});
    });
  }

  it("returns a task, polls it to the parsed result and reports progress", async () => {
    const s = await taskServer([
      { status: 1 },
      { status: 2, progress: 40 },
      { status: 2 },
      { status: 3, result: JSON.stringify({ video_path: ["https://cdn/v.mp4"] }) },
    ]);
    const task = (await client(s).invoke(create, { prompt: "cat" })) as Task;
    expect(task.taskId).toBe("T-1");
    expect(task.handle).toMatchObject({ vendor: "acme", operation: "textToVideo", taskId: "T-1" });
    const all: ProgressEvent[] = [];
    const result = await task.wait({ onProgress: (e) => all.push(e) });
    expect(result).toEqual({ video_path: ["https://cdn/v.mp4"] });
    expect(all[0]).toMatchObject({ status: "queued", polls: 0, estimated: true });
    // The first event of each poll count is the poll's own; ticks between polls repeat its count.
    const events = all.filter((e, i) => e.polls > 0 && all.findIndex((x) => x.polls === e.polls) === i);
    expect(events.map((e) => e.status)).toEqual(["queued", "running", "running", "succeeded"]);
    expect(events[1]!.progress).toBe(40);
    expect(events[2]!.progress).toBeLessThanOrEqual(95);
    expect(events[3]!.progress).toBe(100);
    expect(events.map((e) => e.polls)).toEqual([1, 2, 3, 4]);
    expect(s.received.filter((r) => r.url === "/v1/tasks/T-1").every((r) => r.body === "{}")).toBe(true);
  });

  it("resumes from a stored handle in a fresh client", async () => {
    const s = await taskServer([{ status: 3, result: '{"ok":true}' }]);
    const handle = JSON.parse(
      JSON.stringify({
        vendor: "acme",
        operation: "textToVideo",
        taskId: "T-1",
        createdAt: "2026-01-01T00:00:00Z",
      }),
    );
    expect(await client(s).task(handle).wait()).toEqual({ ok: true });
    expect((await client(s).task("T-1").status()).state).toBe("succeeded");
  });

  it("surfaces a failure with the vendor's reason", async () => {
    const s = await taskServer([{ status: 4, reason: "nsfw" }]);
    const error = (await client(s)
      .task("T-1")
      .wait()
      .catch((e: unknown) => e)) as TaskFailedError;
    expect(error).toBeInstanceOf(TaskFailedError);
    expect(error.reason).toBe("nsfw");
    expect(error.handle.taskId).toBe("T-1");
  });

  it("rejects a result string that is not JSON, keeping the raw text", async () => {
    const s = await taskServer([{ status: 3, result: "{not json" }]);
    const error = (await client(s)
      .task("T-1")
      .wait()
      .catch((e: unknown) => e)) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.raw).toBe("{not json");
  });

  it("a create response without a task id is an InvalidResponseError carrying the data", async () => {
    const s = await server((_q, res) => json(res, 200, ok({ job: "J-9" })));
    const error = (await client(s)
      .invoke(create, { prompt: "x" })
      .catch((e: unknown) => e)) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.raw).toContain("J-9");
  });
});
