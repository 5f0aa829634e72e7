import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTomoviee, tomovieeVendor } from "../src/index.js";
import { type CaptureServer, startCaptureServer } from "./helpers/capture-server.js";

describe("hosts", () => {
  let server: CaptureServer;
  const seen: string[] = [];
  /** A user fetch that routes the vendor's https hosts to the loopback capture server. */
  const routedFetch = (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input);
    seen.push(url.host);
    return fetch(`${server.baseUrl}${url.pathname}${url.search}`, init);
  };

  beforeAll(async () => {
    server = await startCaptureServer(() => ({ code: 0, msg: "ok", data: { task_id: "t-1" } }));
  });
  afterAll(() => server.close());

  it.each(["https://openapi.wondershare.cc", "https://open-api.wondershare.cc"])(
    "sends credentials to %s",
    async (baseUrl) => {
      const client = createTomoviee({ baseUrl, fetch: routedFetch, appKey: "k", appSecret: "s" });
      await client.textToSpeech({ text: "hi" });
      expect(seen.at(-1)).toBe(new URL(baseUrl).host);
      expect(server.requests.at(-1)?.headers["x-app-key"]).toBe("k");
    },
  );

  it("refuses an API host off the list before any request", async () => {
    const before = server.requests.length;
    const client = createTomoviee({
      baseUrl: "https://openapi.wondershare.cc.evil.com",
      fetch: routedFetch,
      appKey: "k",
      appSecret: "s",
    });
    await expect(client.textToSpeech({ text: "hi" })).rejects.toMatchObject({ kind: "host_not_allowed" });
    expect(server.requests.length).toBe(before);
  });

  it("downloads only from the vendor's result hosts", async () => {
    const client = createTomoviee({ fetch: routedFetch, appKey: "k", appSecret: "s" });
    const error = await client.runtime
      .download("https://evil.example.com/video.mp4", "/nonexistent")
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "host_not_allowed" });
    expect(tomovieeVendor.hosts.results).toEqual(
      expect.arrayContaining([".aliyuncs.com", ".wondershare.cc", ".tomoviee.ai"]),
    );
  });
});
