import { mkdtemp, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { UPLOAD_MAX_BYTES } from "../src/index.js";
import { type ImaHarness, startIma } from "./helpers/start-ima.js";

let h: ImaHarness;
let dir: string;
beforeAll(async () => {
  h = await startIma();
  dir = await mkdtemp(join(tmpdir(), "ima-upload-"));
});
beforeEach(() => {
  h.seen.length = 0;
});
afterAll(() => h.close());

const fails = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as Record<string, unknown>,
  );

describe("bad input is refused before any request", () => {
  const cases: Array<{ name: string; run: () => Promise<unknown>; field: string; rule: string }> = [
    {
      name: "missing prompt",
      run: () => h.client.textToVideo({ prompt: " " }),
      field: "prompt",
      rule: "required",
    },
    {
      name: "first_last with one image",
      run: () => h.client.firstLastFrameToVideo({ prompt: "p", images: ["https://cdn.example.com/a.jpg"] }),
      field: "images",
      rule: "count",
    },
    {
      name: "reference without images",
      run: () => h.client.referenceImageToVideo({ prompt: "p" }),
      field: "images",
      rule: "count",
    },
    {
      name: "text_to_video with an image",
      run: () => h.client.textToVideo({ prompt: "p", images: ["https://cdn.example.com/a.jpg"] }),
      field: "images",
      rule: "count",
    },
  ];
  it.each(cases)("$name -> $field/$rule", async ({ run, field, rule }) => {
    expect(await fails(run())).toMatchObject({ kind: "invalid_request", field, rule });
    expect(h.seen).toEqual([]);
  });

  it("a model not offered for the task type names the task types that have it", async () => {
    const error = await fails(
      h.client.firstLastFrameToVideo({
        model: "Sora",
        prompt: "p",
        images: ["https://a.example/1.jpg", "https://a.example/2.jpg"],
      }),
    );
    expect(error).toMatchObject({ field: "model", rule: "task_type" });
    expect(String(error?.["message"])).toContain("text_to_video, image_to_video");
    expect(h.seen).toEqual([]);
  });

  it("http URLs are refused (the vendor fetches images itself)", async () => {
    const error = await fails(
      h.client.imageToVideo({ prompt: "p", images: ["http://cdn.example.com/a.jpg"] }),
    );
    expect(error).toMatchObject({ field: "images[0]", rule: "https" });
    expect(h.creates()).toEqual([]);
  });

  it("an unknown model id is checked against the live list, before any upload or create", async () => {
    const file = join(dir, "x.jpg");
    await writeFile(file, "jpg");
    const error = await fails(h.client.imageToVideo({ model: "nope-9", prompt: "p", images: [file] }));
    expect(error).toMatchObject({ field: "model", rule: "known_model" });
    expect(h.seen.filter((r) => !r.url.includes("/open/v1/product/list"))).toEqual([]);
  });
});

describe("uploads", () => {
  it("refuses files over the image cap before any upload request", async () => {
    const big = join(dir, "big.jpg");
    await writeFile(big, "");
    await truncate(big, UPLOAD_MAX_BYTES.picture + 1);
    const error = await fails(h.client.imageToVideo({ prompt: "p", images: [big] }));
    expect(error).toMatchObject({ field: "images[0]", rule: "max_size" });
    expect(h.seen.some((r) => r.url.includes("imapi.liveme.com"))).toBe(false);
  });

  it("signs the token request and sends the key only to the credentialed upload host", async () => {
    const file = join(dir, "ok.jpeg");
    await writeFile(file, "jpeg-bytes");
    await h.client.imageToVideo({ prompt: "p", images: [file] });
    const token = new URL(h.seen.find((r) => r.url.includes("getuploadtoken"))!.url);
    expect(token.host).toBe("imapi.liveme.com");
    expect(Object.fromEntries(token.searchParams)).toMatchObject({
      appId: "webAgent",
      appUid: h.sim.credentials["apiKey"],
      cmimToken: h.sim.credentials["apiKey"],
      fService: "privite",
      fType: "picture",
      fSuffix: "jpeg",
      fContentType: "image/jpeg",
    });
    expect(token.searchParams.get("sign")).toMatch(/^[0-9A-F]{40}$/);
  });

  it("never sends the key to an upload host off the credentialed list", async () => {
    const file = join(dir, "k.png");
    await writeFile(file, "png");
    const client = h.clientWith({ uploadBaseUrl: "https://uploads.evil.example" });
    const error = await fails(client.imageToVideo({ prompt: "p", images: [file] }));
    expect(error).toMatchObject({ kind: "host_not_allowed" });
    expect(h.seen.some((r) => r.url.includes("evil"))).toBe(false);
  });

  it("a refused token is a typed error without the key in it", async () => {
    const file = join(dir, "r.png");
    await writeFile(file, "png");
    const client = h.clientWith({ uploadAppKey: "not-the-vendor-key" });
    const error = await fails(client.imageToVideo({ prompt: "p", images: [file] }));
    expect(error).toMatchObject({
      vendor: "ima",
      userMessage: "Input image processing failed, check format or try another image",
    });
    expect(JSON.stringify({ m: error?.["message"], ...error })).not.toContain(h.sim.credentials["apiKey"]!);
    expect(h.creates()).toEqual([]);
  });

  it("refuses unsupported file types naming the field", async () => {
    const file = join(dir, "notes.txt");
    await writeFile(file, "x");
    expect(await fails(h.client.imageToVideo({ prompt: "p", images: [file] }))).toMatchObject({
      field: "images[0]",
      rule: "file_type",
    });
  });
});
