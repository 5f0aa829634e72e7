import { readFile } from "node:fs/promises";
import { request } from "node:http";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { CallToolResultSchema, type Progress } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  connectHttp,
  connectStdio,
  killStartedServers,
  manualClock,
  serverEnv,
  startSims,
  TASK_MS,
  type VendorId,
} from "./helpers/mcp-fixture.js";
import { ROOT } from "./helpers/run-gen.js";

const clock = manualClock();
let sims: Awaited<ReturnType<typeof startSims>>;

beforeAll(async () => {
  sims = await startSims(clock);
});
afterAll(async () => {
  killStartedServers();
  await sims?.close();
});

/** A task operation of each vendor that has one, with valid arguments. */
const TASK_CALLS: Array<[VendorId, string, Record<string, unknown>]> = [
  ["mediaio", "mediaio_t2vWanV26", { prompt: "a red fox in snow", size: "16:9" }],
  ["tomoviee", "tomoviee_textToVideo", { prompt: "a red fox in snow" }],
  ["ima", "ima_text_to_video", { model: "wan2.6", prompt: "a lighthouse at dusk" }],
];

/** Resolves on the first progress notification `take` accepts. */
function progressWatch(take: (p: Progress) => boolean = () => true) {
  const seen: Progress[] = [];
  let resolve!: () => void;
  const first = new Promise<void>((r) => (resolve = r));
  const onprogress = (p: Progress) => {
    seen.push(p);
    if (take(p)) resolve();
  };
  return { seen, first, onprogress };
}

/** Drives the official client's task stream: created -> (progress) -> clock past the end -> result. */
async function runAsTask(client: Client, name: string, args: Record<string, unknown>) {
  const watch = progressWatch((p) => p.progress > 0 && p.progress < 100);
  const stream = client.experimental.tasks.callToolStream({ name, arguments: args }, CallToolResultSchema, {
    task: {},
    onprogress: watch.onprogress,
    resetTimeoutOnProgress: true,
  });
  let taskId: string | undefined;
  for await (const message of stream) {
    if (message.type === "taskCreated") {
      taskId = message.task.taskId;
      clock.advance(TASK_MS / 2);
    }
    // tasks/get sends its progress notification before its answer: seen by now
    if (message.type === "taskStatus" && watch.seen.length > 0 && message.task.status === "working") {
      clock.advance(TASK_MS);
    }
    if (message.type === "error") throw message.error;
    if (message.type === "result") return { taskId, result: message.result, progress: watch.seen };
  }
  throw new Error("stream ended without a result");
}

describe("gen mcp over stdio (official MCP client, simulators)", { timeout: 120_000 }, () => {
  it("lists one tool per operation and entry point, with schemas, annotations and task support", async () => {
    const { client } = await connectStdio(sims.env);
    try {
      const { tools } = await client.listTools();
      const byName = new Map(tools.map((t) => [t.name, t]));
      for (const name of [
        "mediaio_t2vWanV26",
        "tomoviee_textToVideo",
        "edrawmax_generateFlowchart",
        "ima_text_to_video",
      ])
        expect(byName.has(name), name).toBe(true);
      const wan = byName.get("mediaio_t2vWanV26");
      expect(wan?.inputSchema.required).toEqual(["prompt"]);
      expect(wan?.inputSchema.properties?.size).toMatchObject({
        enum: ["9:16", "16:9", "1:1", "4:3", "3:4"],
      });
      expect(wan?.description).toContain("size: one of 9:16|16:9|1:1|4:3|3:4");
      expect(wan?.annotations).toMatchObject({ readOnlyHint: false, idempotentHint: false });
      expect(wan?.execution?.taskSupport).toBe("optional");
      expect(byName.get("mediaio_userCredits")?.annotations?.readOnlyHint).toBe(true);
      expect(byName.get("edrawmax_generateFlowchart")?.execution?.taskSupport).toBe("forbidden");
      expect(JSON.stringify(tools)).not.toMatch(/apiKey|appSecret/i);
    } finally {
      await client.close();
    }
  });

  it.each(TASK_CALLS)(
    "%s: a task operation runs as an MCP task, with progress, and ends in URLs",
    async (vendor, name, args) => {
      const { client } = await connectStdio(sims.env);
      try {
        const before = sims.sims[vendor].ledger.createCount();
        const { taskId, result, progress } = await runAsTask(client, name, args);
        expect(taskId).toMatch(/^gen1\./);
        expect(result.isError).toBeFalsy();
        const structured = result.structuredContent as { urls: string[] };
        expect(structured.urls.length).toBeGreaterThan(0);
        const links = result.content.filter((c) => c.type === "resource_link");
        expect(links.map((l) => (l as { uri: string }).uri)).toEqual(structured.urls);
        expect(progress.length).toBeGreaterThan(0);
        expect(sims.sims[vendor].ledger.createCount()).toBe(before + 1);
      } finally {
        await client.close();
      }
    },
  );

  it("edrawmax (no task operations): a paid call returns its URLs directly", async () => {
    const { client } = await connectStdio(sims.env);
    try {
      const result = await client.callTool({
        name: "edrawmax_generateFlowchart",
        arguments: { prompt: "login flow", lang: "en" },
      });
      expect(result.isError).toBeFalsy();
      expect((result.structuredContent as { urls: string[] }).urls.length).toBeGreaterThan(0);
    } finally {
      await client.close();
    }
  });

  it("a client without task support gets the result inside the call, with progress notifications", async () => {
    const { client } = await connectStdio(sims.env);
    try {
      const watch = progressWatch((p) => p.progress > 0);
      const call = client.callTool(
        { name: "mediaio_t2vWanV26", arguments: { prompt: "x" } },
        CallToolResultSchema,
        {
          onprogress: watch.onprogress,
          resetTimeoutOnProgress: true,
        },
      );
      await waitForCreate("mediaio");
      clock.advance(TASK_MS / 2);
      await watch.first;
      clock.advance(TASK_MS);
      const result = await call;
      expect(result.isError).toBeFalsy();
      expect((result.structuredContent as { urls: string[] }).urls[0]).toMatch(/^http:\/\/127\.0\.0\.1:/);
      // (the final 100 may race the answer in the client, which defers notifications a microtask)
      expect(watch.seen.length).toBeGreaterThan(0);
      const values = watch.seen.map((p) => p.progress);
      expect(values).toEqual([...values].sort((a, b) => a - b));
    } finally {
      await client.close();
    }
  });

  it("kill the server mid-task, start a new one: the same task id gives the result, one create", async () => {
    const first = await connectStdio(sims.env);
    const before = sims.sims.mediaio.ledger.createCount();
    const created = await first.client.request(
      { method: "tools/call", params: { name: "mediaio_t2vWanV26", arguments: { prompt: "x" }, task: {} } },
      (await import("@modelcontextprotocol/sdk/experimental/tasks/types.js")).CreateTaskResultSchema,
    );
    const taskId = created.task.taskId;
    expect(created.task.status).toBe("working");
    const gone = new Promise((r) => (first.transport.onclose = () => r(undefined)));
    process.kill(first.pid, "SIGKILL");
    await gone;

    const second = await connectStdio(sims.env);
    try {
      expect((await second.client.experimental.tasks.getTask(taskId)).status).toBe("working");
      const watch = progressWatch((p) => p.progress > 0);
      const pending = second.client.experimental.tasks.getTaskResult(taskId, CallToolResultSchema, {
        onprogress: watch.onprogress,
        resetTimeoutOnProgress: true,
      });
      clock.advance(TASK_MS / 2);
      await watch.first;
      clock.advance(TASK_MS);
      const result = await pending;
      expect(result.isError).toBeFalsy();
      expect((result.structuredContent as { urls: string[] }).urls.length).toBeGreaterThan(0);
      expect((await second.client.experimental.tasks.getTask(taskId)).status).toBe("completed");
      expect(sims.sims.mediaio.ledger.createCount()).toBe(before + 1);
    } finally {
      await second.client.close();
    }
  });

  it("tasks/cancel stops waiting and reports the task cancelled", async () => {
    const { client } = await connectStdio(sims.env);
    try {
      const stream = client.experimental.tasks.callToolStream(
        { name: "mediaio_t2vWanV26", arguments: { prompt: "x" } },
        CallToolResultSchema,
        { task: {} },
      );
      const first = await stream.next();
      const taskId = (first.value as { task: { taskId: string } }).task.taskId;
      const cancelled = await client.experimental.tasks.cancelTask(taskId);
      expect(cancelled.status).toBe("cancelled");
      expect(cancelled.statusMessage).toMatch(/no cancel operation/);
      expect((await client.experimental.tasks.getTask(taskId)).status).toBe("cancelled");
      await stream.return(undefined);
    } finally {
      await client.close();
    }
  });

  it("bad arguments: a tool error naming the field and the rule, and nothing reaches the vendor", async () => {
    const { client } = await connectStdio(sims.env);
    try {
      const sent = sims.sims.mediaio.ledger.requests().length;
      const bad = await client.callTool({
        name: "mediaio_t2vWanV26",
        arguments: { prompt: "x", size: "7:5" },
      });
      expect(bad.isError).toBe(true);
      const text = (bad.content as Array<{ text: string }>)[0]?.text ?? "";
      expect(text).toContain("size: must be one of: 9:16, 16:9, 1:1, 4:3, 3:4");
      expect(text).toContain('"field":"size"');
      const missing = await client.callTool({ name: "mediaio_t2vWanV26", arguments: {} });
      expect((missing.content as Array<{ text: string }>)[0]?.text).toMatch(/prompt: is required/);
      // credentials are never tool arguments: an api key is an unknown field, refused
      const key = await client.callTool({
        name: "mediaio_t2vWanV26",
        arguments: { prompt: "x", apiKey: "k" },
      });
      expect((key.content as Array<{ text: string }>)[0]?.text).toMatch(/unknown field\(s\) apiKey/);
      // as a task request: a JSON-RPC error with the same words, no task created
      await expect(
        client.request(
          {
            method: "tools/call",
            params: { name: "mediaio_t2vWanV26", arguments: { size: "7:5" }, task: {} },
          },
          CallToolResultSchema,
        ),
      ).rejects.toThrow(/size: must be one of/);
      expect(sims.sims.mediaio.ledger.requests().length).toBe(sent);
      // a server-side path is never read and uploaded on an agent's say-so
      const imaSent = sims.sims.ima.ledger.requests().length;
      const local = await client.callTool({
        name: "ima_image_to_video",
        arguments: { prompt: "x", images: ["/etc/hostname"] },
      });
      expect((local.content as Array<{ text: string }>)[0]?.text).toMatch(
        /images\.0: must be an http\(s\) URL/,
      );
      expect(sims.sims.ima.ledger.requests().length).toBe(imaSent);
    } finally {
      await client.close();
    }
  });
});

describe("README 'Use with agents'", { timeout: 60_000 }, () => {
  it("the MCP client config block starts a server that serves the tools it names", async () => {
    const text = await readFile(join(ROOT, "README.md"), "utf8");
    const section = text.slice(text.indexOf("## Use with agents\n"));
    const block = /```json\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
    const config = JSON.parse(block.replaceAll("/path/to/gen-media-sdks", ROOT)) as {
      mcpServers: { gen: { command: string; args: string[]; env: Record<string, string> } };
    };
    const { command, args, env } = config.mcpServers.gen;
    expect(Object.keys(env)).toEqual(["MEDIAIO_API_KEY", "IMA_API_KEY"]);
    const client = new Client({ name: "readme", version: "1" });
    // the block's env holds placeholders: the simulators' credentials stand in for real keys
    await client.connect(
      new StdioClientTransport({ command, args, env: serverEnv(sims.env), cwd: ROOT, stderr: "pipe" }),
    );
    try {
      const { tools } = await client.listTools();
      expect(tools.length).toBeGreaterThan(0);
      expect(tools.every((t) => /^(mediaio|ima)_/.test(t.name))).toBe(true);
      const credits = await client.callTool({ name: "mediaio_userCredits", arguments: {} });
      expect(credits.isError).toBeFalsy();
    } finally {
      await client.close();
    }
  });
});

describe("gen mcp over Streamable HTTP (loopback)", { timeout: 120_000 }, () => {
  it("lists tools and runs a task operation with progress; refuses a non-loopback Host", async () => {
    const server = await connectHttp(sims.env);
    try {
      const { tools } = await server.client.listTools();
      expect(tools.some((t) => t.name === "tomoviee_textToVideo")).toBe(true);
      const { taskId, result, progress } = await runAsTask(server.client, "tomoviee_textToVideo", {
        prompt: "x",
      });
      expect(taskId).toMatch(/^gen1\./);
      expect(result.isError).toBeFalsy();
      expect(progress.length).toBeGreaterThan(0);
      // the task id is all the state: a second connection resolves it too
      const again = await server.client.experimental.tasks.getTask(taskId as string);
      expect(again.status).toBe("completed");
      expect(await statusWithHost(server.url, "attacker.example")).toBe(403);
    } finally {
      await server.close();
    }
  });
});

/** HTTP status of a POST to `url` sent with another Host header (a DNS-rebinding attempt). */
function statusWithHost(url: string, host: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: "POST", headers: { host, "content-type": "application/json" } },
      (res) => {
        res.resume();
        resolve(res.statusCode);
      },
    );
    req.once("error", reject);
    req.end("{}");
  });
}

/** Resolves once the simulator of `vendor` has recorded one more create than when called. */
async function waitForCreate(vendor: VendorId): Promise<void> {
  const ledger = sims.sims[vendor].ledger;
  const start = ledger.createCount();
  while (ledger.createCount() === start) await new Promise((r) => setImmediate(r));
}
