import { InvalidRequestError } from "@gen/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMediaio } from "../src/index.js";
import { startCaptureServer } from "./helpers/capture-server.js";

let server: Awaited<ReturnType<typeof startCaptureServer>>;
beforeAll(async () => {
  server = await startCaptureServer(() => ({ code: 0, msg: "", data: { task_id: "t" } }));
});
afterAll(() => server.close());

const cases: Array<{
  title: string;
  call: (c: ReturnType<typeof createMediaio>) => Promise<unknown>;
  field: string;
  message: RegExp;
}> = [
  {
    title: "prompt longer than the catalog's 'Maximum string length: 1200'",
    call: (c) => c.i2iBanana({ images: ["https://a.test/x.png"], prompt: "x".repeat(1201) }),
    field: "prompt",
    message: /at most 1200 characters/,
  },
  {
    title: "more files than 'Maximum 9 file(s)'",
    call: (c) =>
      c.i2iBanana({ images: Array.from({ length: 10 }, (_, i) => `https://a.test/${i}.png`), prompt: "p" }),
    field: "images",
    message: /at most 9 item/,
  },
  {
    title: "a value outside the keywords enum",
    call: (c) => c.i2iBanana({ images: ["u"], prompt: "p", ratio: "5:4" as never }),
    field: "ratio",
    message: /one of: 9:16, 16:9/,
  },
  {
    title: "a missing required field",
    call: (c) => c.t2iImagen4({} as never),
    field: "prompt",
    message: /is required/,
  },
  {
    title: "an unknown field (typo)",
    call: (c) => c.t2iImagen4({ prompt: "p", ration: "1:1" } as never),
    field: "ration",
    message: /unknown field\(s\) ration/,
  },
  {
    title: "a missing path parameter",
    call: (c) => c.generationResult({} as never),
    field: "task_id",
    message: /is required/,
  },
];

describe("invalid input fails before any request", () => {
  it.each(cases)("$title", async ({ call, field, message }) => {
    const client = createMediaio({ apiKey: "k", baseUrl: server.baseUrl, allowInsecureLoopback: true });
    const before = server.requests.length;
    const error = await call(client).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidRequestError);
    const issue = (error as InvalidRequestError).issues.find((i) => i.field === field);
    expect(issue?.message).toMatch(message);
    expect((error as Error).message).toContain(field || "(input)");
    expect(server.requests.length).toBe(before);
  });

  it("sends fields the catalog does not know through extraBody", async () => {
    const client = createMediaio({ apiKey: "k", baseUrl: server.baseUrl, allowInsecureLoopback: true });
    const before = server.requests.length;
    await client.t2iImagen4({ prompt: "p" }, { extraBody: { seed: 7 } });
    expect(JSON.parse(server.requests[before]?.body ?? "{}")).toEqual({ data: { prompt: "p", seed: 7 } });
  });
});
