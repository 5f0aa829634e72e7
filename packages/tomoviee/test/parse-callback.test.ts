import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { startSimulator } from "@gen/simulator";
import { describe, expect, it } from "vitest";
import { createTomoviee, parseCallback, type TomovieeCallback } from "../src/index.js";

const result = JSON.stringify({ audio_path: ["https://cdn.wondershare.cc/a.mp3"] });

describe("parseCallback", () => {
  it.each([
    {
      label: "numeric status, JSON string body",
      body: JSON.stringify({ task_id: "t1", status: 3, result, params: "order-7" }),
    },
    {
      label: "string status, bytes body",
      body: new TextEncoder().encode(
        JSON.stringify({ task_id: "t1", status: "3", result, params: "order-7" }),
      ),
    },
    { label: "already-parsed object", body: { task_id: "t1", status: 3, result, params: "order-7" } },
  ])("decodes a success ($label)", ({ body }) => {
    const callback = parseCallback(body);
    expect(callback).toMatchObject({ taskId: "t1", state: "succeeded", status: 3, params: "order-7" });
    expect(callback.result?.audio_path).toEqual(["https://cdn.wondershare.cc/a.mp3"]);
  });

  it.each([
    { status: 4, state: "failed" },
    { status: "5", state: "cancelled" },
    { status: 6, state: "timed_out" },
    { status: 2, state: "running" },
    { status: 1, state: "queued" },
  ])("maps status $status to $state, with the reason and no result", ({ status, state }) => {
    const callback = parseCallback({ task_id: 42, status, result: "", reason: "content policy" });
    expect(callback).toMatchObject({ taskId: "42", state, status: Number(status) });
    expect(callback.result).toBeUndefined();
    expect(callback.reason).toBe("content policy");
    expect(callback.params).toBeUndefined();
  });

  it("a result string that is not JSON is an InvalidResponseError carrying the raw text", () => {
    const error = (() => {
      try {
        parseCallback({ task_id: "t1", status: 3, result: "{oops" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toMatchObject({ name: "InvalidResponseError", kind: "invalid_response", raw: "{oops" });
  });

  it.each([
    { label: "body not JSON", body: "task_id=t1&status=3", raw: "task_id=t1&status=3" },
    { label: "body not an object", body: "[1,2]", raw: "[1,2]" },
    { label: "task_id missing", body: { status: 3, result }, raw: "status" },
    { label: "task_id empty", body: { task_id: "", status: 3 }, raw: "task_id" },
    { label: "status unknown", body: { task_id: "t1", status: 9 }, raw: "9" },
    { label: "status not a number", body: { task_id: "t1", status: "done" }, raw: "done" },
    { label: "status missing", body: { task_id: "t1" }, raw: "t1" },
    { label: "result not an object", body: { task_id: "t1", status: 3, result: '["a"]' }, raw: "t1" },
    { label: "params not a string", body: { task_id: "t1", status: 4, params: { a: 1 } }, raw: "params" },
  ])("rejects a bad body: $label", ({ body, raw }) => {
    expect(() => parseCallback(body)).toThrow(
      expect.objectContaining({ kind: "invalid_response", vendor: "tomoviee" }),
    );
    try {
      parseCallback(body);
    } catch (e) {
      expect((e as { raw: string }).raw).toContain(raw);
    }
  });

  it("parses the callback the (simulated) vendor POSTs to a webhook receiver", async () => {
    const received: TomovieeCallback[] = [];
    let resolveDelivery: () => void = () => {};
    const delivered = new Promise<void>((resolve) => {
      resolveDelivery = resolve;
    });
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push(parseCallback(Buffer.concat(chunks)));
        res.end("ok");
        resolveDelivery();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/tomoviee`;
    const sim = await startSimulator({ vendor: "tomoviee", taskDurationMs: 10 });
    try {
      const client = createTomoviee({
        baseUrl: sim.baseUrl,
        allowInsecureLoopback: true,
        appKey: sim.credentials["appKey"],
        appSecret: sim.credentials["appSecret"],
      });
      const task = await client.textToMusic({
        prompt: "Lo-fi beats",
        duration: 20,
        qty: 2,
        callback: hook,
        params: "job-1",
      });
      await delivered;
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({
        taskId: task.taskId,
        state: "succeeded",
        status: 3,
        params: "job-1",
      });
      expect(received[0]?.result?.audio_path).toHaveLength(2);
      const polled = await client.resume(task.taskId).status();
      expect(polled.result).toEqual(received[0]?.result);
    } finally {
      await sim.close();
      await new Promise<void>((r) => receiver.close(() => r()));
    }
  });
});
