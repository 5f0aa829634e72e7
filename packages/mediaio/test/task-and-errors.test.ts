import { GenError } from "@gen/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMediaio, findMediaioOperation, mediaio } from "../src/index.js";
import { type Captured, startCaptureServer } from "./helpers/capture-server.js";

let server: Awaited<ReturnType<typeof startCaptureServer>>;
let script: (req: Captured) => unknown = () => ({});
beforeAll(async () => {
  server = await startCaptureServer((req) => script(req));
});
afterAll(() => server.close());
const client = () => createMediaio({ apiKey: "k", baseUrl: server.baseUrl, allowInsecureLoopback: true });

describe("tasks", () => {
  it.each([
    ["waiting", "completed"],
    ["pending", "succeeded"],
    ["processing", "completed"],
  ])("accepts %s then %s, and wait() gives the typed result", async (running, done) => {
    let polls = 0;
    script = (req) => {
      if (req.path.startsWith("/generation/result/")) {
        polls++;
        const status = polls < 2 ? running : done;
        return {
          code: 0,
          msg: "",
          data: {
            task_id: "t-9",
            status,
            result:
              status === done ? [{ val: "v", preview: "https://cdn.media.io/o.png", status: "ok" }] : [],
          },
        };
      }
      return { code: 0, msg: "", data: { task_id: "t-9" }, trace_id: "tr" };
    };
    const task = await client().t2iImagen4({ prompt: "a cat" });
    expect(task.taskId).toBe("t-9");
    expect(task.handle).toMatchObject({ vendor: "mediaio", taskId: "t-9" });
    const result = await task.wait({ minDelayMs: 1, maxDelayMs: 5 });
    expect(result[0]?.preview).toBe("https://cdn.media.io/o.png");
    expect(polls).toBe(2);
    const poll = server.requests.at(-1);
    expect(poll?.path).toBe("/generation/result/t-9");
    expect(JSON.parse(poll?.body ?? "")).toEqual({});
  });

  it.each([
    ["failed", /fail/i],
    ["timeout", /time/i],
  ])("a %s task rejects wait()", async (status, message) => {
    script = (req) =>
      req.path.startsWith("/generation/result/")
        ? { code: 0, msg: "", data: { task_id: "t-1", status, reason: "vendor said no" } }
        : { code: 0, msg: "", data: { task_id: "t-1" } };
    const task = await client().t2iImagen4({ prompt: "x" });
    await expect(task.wait({ minDelayMs: 1, maxDelayMs: 5 })).rejects.toThrow(message);
  });

  it("resumes from a handle or a bare task id", async () => {
    script = () => ({
      code: 0,
      msg: "",
      data: { task_id: "old", status: "succeeded", result: [{ preview: "https://cdn.media.io/p.mp4" }] },
    });
    const snap = await client().resume("old").status();
    expect(snap.state).toBe("succeeded");
    const result = await client()
      .resume({
        vendor: "mediaio",
        operation: "t2iImagen4",
        taskId: "old",
        createdAt: new Date(0).toISOString(),
      })
      .wait({ minDelayMs: 1 });
    expect(result[0]?.preview).toBe("https://cdn.media.io/p.mp4");
  });
});

describe("vendor codes", () => {
  it.each([
    [374004, "authentication", /not authenticated/i],
    [490505, "insufficient_credits", /insufficient credits/i],
    [490000, "invalid_request", /parameters/i],
    [40003, "not_found", /task not found/i],
  ])("maps %i to %s", async (code, kind, message) => {
    script = () => ({ code, msg: "vendor text", data: {} });
    const error = await client()
      .userCredits({})
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(GenError);
    expect((error as GenError).kind).toBe(kind);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('k"');
  });

  it("types Credits and reads the key from env at first call", async () => {
    script = () => ({ code: 0, msg: "", data: { credits: 42 } });
    const c = createMediaio({
      baseUrl: server.baseUrl,
      allowInsecureLoopback: true,
      env: { API_KEY: "from-env" },
    });
    const out = await c.userCredits({});
    expect(out.credits).toBe(42);
    expect(server.requests.at(-1)?.headers["x-api-key"]).toBe("from-env");
  });

  it("looks operations up by catalog name, model code, id and operation id", () => {
    for (const name of ["Imagen 4", "t2i-imagen-4", "259", "t2iImagen4", "imagen 4"]) {
      expect(findMediaioOperation(name)?.id).toBe("t2iImagen4");
    }
    expect(findMediaioOperation("nope")).toBeUndefined();
    expect(typeof mediaio.t2iImagen4).toBe("function");
  });
});
