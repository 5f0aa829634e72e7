import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTomoviee, type TomovieeClient } from "../src/index.js";
import { type CaptureServer, startCaptureServer } from "./helpers/capture-server.js";

const FAST_WAIT = { minDelayMs: 1, maxDelayMs: 5, timeoutMs: 5_000 };

/** A scripted vendor: creates answer a task id, polls walk through `script` (the last step repeats). */
function scriptedVendor(script: Array<Record<string, unknown>>) {
  let polls = 0;
  return startCaptureServer((req) => {
    if (!req.path.endsWith("/v1/open/pub/task")) return { code: 0, msg: "ok", data: { task_id: "t-9" } };
    const step = script[Math.min(polls++, script.length - 1)];
    return { code: 0, msg: "ok", data: { task_id: "t-9", ...step } };
  });
}

describe("task results through the declarative protocol", () => {
  let server: CaptureServer;
  let client: TomovieeClient;
  const rawResult = "<html>502 Bad Gateway</html>";

  beforeAll(async () => {
    server = await scriptedVendor([
      { status: 1, progress: 0, result: "" },
      { status: 2, progress: 37, result: "" },
      { status: 2, progress: 64, result: "" },
      { status: 3, progress: 100, result: rawResult },
    ]);
    client = createTomoviee({
      baseUrl: server.baseUrl,
      allowInsecureLoopback: true,
      appKey: "k",
      appSecret: "s",
    });
  });
  afterAll(() => server.close());

  it("a result string that is not JSON is an InvalidResponseError carrying the raw text", async () => {
    const task = await client.textToVideo({ prompt: "p" });
    const progress: number[] = [];
    const error = await task
      .wait({ ...FAST_WAIT, onProgress: (e) => progress.push(e.progress) })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "InvalidResponseError", kind: "invalid_response", raw: rawResult });
    expect(progress).toEqual(expect.arrayContaining([37, 64]));
  });

  it("status() on the same task reports the same typed error", async () => {
    await expect(client.resume("t-9").status()).rejects.toMatchObject({
      name: "InvalidResponseError",
      raw: rawResult,
    });
  });
});

describe("status codes 4, 5 and 6", () => {
  it.each([
    { status: 4, name: "TaskFailedError" },
    { status: 5, name: "TaskCancelledError" },
    { status: 6, name: "TaskTimedOutError" },
  ])("status $status -> $name with the vendor's reason", async ({ status, name }) => {
    const server = await scriptedVendor([{ status, progress: 50, reason: "content policy", result: "" }]);
    try {
      const client = createTomoviee({
        baseUrl: server.baseUrl,
        allowInsecureLoopback: true,
        appKey: "k",
        appSecret: "s",
      });
      const task = await client.textToMusic({ prompt: "p", duration: 10, qty: 1 });
      const error = await task.wait(FAST_WAIT).catch((e: unknown) => e);
      expect(error).toMatchObject({ name });
      expect((error as { handle?: { taskId: string } }).handle?.taskId).toBe("t-9");
    } finally {
      await server.close();
    }
  });

  it("decodes a JSON result string into the typed result", async () => {
    const server = await scriptedVendor([
      {
        status: 3,
        progress: 100,
        result: JSON.stringify({
          images_path: ["https://cdn.wondershare.cc/a.png", "https://cdn.wondershare.cc/b.png"],
        }),
      },
    ]);
    try {
      const client = createTomoviee({
        baseUrl: server.baseUrl,
        allowInsecureLoopback: true,
        appKey: "k",
        appSecret: "s",
      });
      const task = await client.referenceImageToImage({
        prompt: "p",
        reference_image: "https://e.com/r.jpg",
        batch_size: 2,
      });
      const result = await task.wait(FAST_WAIT);
      expect(result.images_path).toEqual([
        "https://cdn.wondershare.cc/a.png",
        "https://cdn.wondershare.cc/b.png",
      ]);
    } finally {
      await server.close();
    }
  });
});
