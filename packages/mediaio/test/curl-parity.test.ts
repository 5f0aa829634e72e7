import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMediaio } from "../src/index.js";
import { startCaptureServer } from "./helpers/capture-server.js";
import { parseCurl } from "./helpers/parse-curl.js";

type Entry = { name: string; endpoint: string; api_request_demo: string };
const catalog = JSON.parse(
  readFileSync(join(import.meta.dirname, "../../../catalogs/mediaio/c_api_doc_detail.json"), "utf8"),
) as Entry[];
const examples = catalog.flatMap((entry) =>
  (JSON.parse(entry.api_request_demo).request as Array<{ language: string; code_example: string }>)
    .filter((r) => r.language === "cURL")
    .map((r) => ({ name: entry.name, curl: parseCurl(r.code_example) })),
);

let server: Awaited<ReturnType<typeof startCaptureServer>>;
beforeAll(async () => {
  server = await startCaptureServer(() => ({
    code: 0,
    msg: "",
    data: { task_id: "task-1", credits: 7 },
    trace_id: "tr",
  }));
});
afterAll(() => server.close());

describe("requests match the catalog's cURL examples", () => {
  it("covers every catalog entry", () => {
    expect(new Set(examples.map((e) => e.name)).size).toBe(catalog.length);
  });

  it.each(examples)("$name", async ({ name, curl }) => {
    const client = createMediaio({ apiKey: "key-123", baseUrl: server.baseUrl, allowInsecureLoopback: true });
    const url = new URL(curl.url.replace(/<task_id>/g, "task-42"));
    const wrapped = (curl.body ?? {}) as { data?: Record<string, unknown> };
    const input: Record<string, unknown> = { ...(wrapped.data ?? {}) };
    if (curl.url.includes("<task_id>")) input.task_id = "task-42";
    const before = server.requests.length;
    await client.call(name, input);
    const got = server.requests[before];
    expect(server.requests.length).toBe(before + 1);
    expect(got?.method).toBe(curl.method);
    expect(got?.path).toBe(url.pathname);
    expect(got?.headers["x-api-key"]).toBe("key-123");
    expect(got?.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(got?.body ?? "null")).toEqual(curl.body);
  });
});
