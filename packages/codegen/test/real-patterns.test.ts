import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GenerateResult, generate } from "../src/generate.js";
import { rawLoopbackServer } from "./helpers/raw-loopback-server.js";

const PKG_ROOT = join(import.meta.dirname, "..");
const REPO_ROOT = join(PKG_ROOT, "..", "..");
type Client = Record<string, (input: unknown, options?: unknown) => Promise<unknown>>;

/**
 * Patterns of real media vendors' OpenAPI files (fixtures/media31: 3.1 with an Overlay beside it;
 * fixtures/media30.yaml: 3.0), generated, type-checked and called over loopback; every request's
 * exact bytes are checked.
 */
describe("real vendor OpenAPI patterns, end to end", { timeout: 120_000 }, () => {
  let dir: string;
  let result: GenerateResult;
  let server: Awaited<ReturnType<typeof rawLoopbackServer>>;
  let media31: Client;
  let media30: Client;
  let polls = 0;
  beforeAll(async () => {
    dir = mkdtempSync(join(PKG_ROOT, ".tmp-patterns-"));
    mkdirSync(join(dir, "catalogs"));
    cpSync(join(import.meta.dirname, "fixtures/media31"), join(dir, "catalogs/media31"), { recursive: true });
    cpSync(join(import.meta.dirname, "fixtures/media30.yaml"), join(dir, "catalogs/media30.yaml"));
    const base = relative(dir, join(REPO_ROOT, "tsconfig.base.json")).split("\\").join("/");
    writeFileSync(join(dir, "tsconfig.base.json"), JSON.stringify({ extends: base }));
    const vendors = [
      {
        id: "media31",
        catalog: "catalogs/media31/openapi.yaml",
        adapter: "openapi",
        out: "pkg31",
        wireTypes: true,
      },
      { id: "media30", catalog: "catalogs/media30.yaml", adapter: "openapi", out: "pkg30" },
    ];
    writeFileSync(join(dir, "gen.config.json"), JSON.stringify({ vendors }));
    result = await generate({ root: dir });
    server = await rawLoopbackServer((req) => {
      if (req.url.startsWith("/v1/text-to-speech"))
        return { status: 200, type: "audio/mpeg", body: Buffer.from([0xff, 0xfb, 0x90, 0x00]) };
      if (req.url.startsWith("/v1/images/"))
        return { status: 200, type: "image/png", body: Buffer.from([0x89, 0x50, 0x4e, 0x47]) };
      if (req.url.startsWith("/v1/search")) return { status: 200, body: [{ id: 1 }] };
      if (req.url === "/v1/videos")
        return { status: 202, body: { id: "t1", status: "PENDING", output: null } };
      if (req.url === "/v1/tasks/t1") {
        polls += 1;
        return polls < 2
          ? { status: 200, body: { id: "t1", status: "RUNNING", output: null } }
          : {
              status: 200,
              body: { id: "t1", status: "SUCCEEDED", output: ["https://cdn.media31.example/v.mp4"] },
            };
      }
      return { status: 200, body: { id: "g1", seed: null } };
    });
    const opts = { baseUrl: server.baseUrl, allowInsecureLoopback: true };
    const m31 = (await import(join(dir, "pkg31/src/index.ts"))) as Record<string, (o: unknown) => Client>;
    const m30 = (await import(join(dir, "pkg30/src/index.ts"))) as Record<string, (o: unknown) => Client>;
    media31 = m31.createMedia31!({ ...opts, apiKey: "k31-secret" });
    media30 = m30.createMedia30!({ ...opts, apiKey: "k30-secret" });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const last = () => server.requests.at(-1)!;

  it("applies the overlay before the adapter: servers, auth prefix, constant header, kind, removed path", () => {
    expect(result.vendors.map((v) => [v.id, v.operations])).toEqual([
      ["media31", 12],
      ["media30", 1],
    ]);
    const codes = result.warnings.map((w) => w.code);
    expect(codes).not.toContain("no-auth");
    expect(codes).toContain("auth-prefix");
    expect(codes).not.toContain("unsupported-media-type");
    // Wire types are opt-in (gen.config `wireTypes: true`); without them the package still compiles.
    expect(existsSync(join(dir, "pkg30/src/wire.gen.ts"))).toBe(false);
    expect(existsSync(join(dir, "pkg31/src/wire.gen.ts"))).toBe(true);
  });

  it("compiles with tsc (strict)", () => {
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    for (const pkg of ["pkg31", "pkg30"]) {
      const r = spawnSync(process.execPath, [tsc, "-p", join(dir, pkg)], { encoding: "utf8" });
      const own = (r.stdout + r.stderr)
        .split("\n")
        .filter((l) => /error TS\d+/.test(l) && !/^packages\//.test(l));
      expect(own, pkg).toEqual([]);
    }
  });

  it("oneOf body with a discriminator: each variant's fields validated and sent; auth prefix and constant header", async () => {
    await media31.createGeneration!({
      mode: "text_to_image",
      prompt: "a fox",
      negative_prompt: null,
      options: { cfg: 7 },
    });
    const req = last();
    expect(req.body.toString()).toBe(
      '{"mode":"text_to_image","prompt":"a fox","negative_prompt":null,"options":{"cfg":7}}',
    );
    expect(req.headers.authorization).toBe("Key k31-secret");
    expect(req.headers["x-api-version"]).toBe("2025-01-01");
    expect(req.headers["content-type"]).toBe("application/json");
    await media31.createGeneration!({
      mode: "image_to_image",
      image_url: "https://x.example/a.png",
      strength: 0.5,
    });
    expect(last().body.toString()).toBe(
      '{"mode":"image_to_image","image_url":"https://x.example/a.png","strength":0.5}',
    );
    const before = server.requests.length;
    await expect(media31.createGeneration!({ mode: "image_to_image", prompt: "x" })).rejects.toThrow(
      /image_url.*required|prompt/,
    );
    await expect(
      media31.createGeneration!({ mode: "text_to_image", prompt: "x", strength: 2 }),
    ).rejects.toThrow(/strength/);
    await expect(
      media31.createGeneration!({ mode: "image_to_image", image_url: "https://x.example/a", strength: 3 }),
    ).rejects.toThrow(/strength.*<= 1/);
    expect(server.requests.length).toBe(before);
  });

  it("a JSON array body is sent whole from the `body` field", async () => {
    await media31.createBatch!({ body: [{ prompt: "a" }, { prompt: "b" }] });
    expect([last().headers["content-type"], last().body.toString()]).toEqual([
      "application/json",
      '[{"prompt":"a"},{"prompt":"b"}]',
    ]);
    await expect(
      media31.createBatch!({ body: [{ prompt: "a" }, { prompt: "b" }, { prompt: "c" }] }),
    ).rejects.toThrow(/body.*at most 2/);
  });

  it("anyOf body without discriminator, free-form object body", async () => {
    await media31.createEdit!({ mask_url: "https://x.example/m.png" });
    expect(last().body.toString()).toBe('{"mask_url":"https://x.example/m.png"}');
    await expect(media31.createEdit!({ strength: 0.2 })).rejects.toThrow(/body shapes/);
    await media31.sendWebhook!({ event: "done", payload: { id: 1 } });
    expect(last().body.toString()).toBe('{"event":"done","payload":{"id":1}}');
  });

  it("multipart/form-data: a file part (Blob or bytes) and text parts, exact bytes", async () => {
    const file = new File([new Uint8Array([1, 2, 3])], "cat.png", { type: "image/png" });
    await media31.upload!({ file, prompt: "a cat", tags: ["a", "b"], seed: 7 });
    const req = last();
    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(req.headers["content-type"] ?? "")?.[1];
    expect(boundary).toBeTruthy();
    const part = (head: string, body: string | Buffer) =>
      Buffer.concat([
        Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`),
        Buffer.from(body),
        Buffer.from("\r\n"),
      ]);
    const expected = Buffer.concat([
      part(
        'Content-Disposition: form-data; name="file"; filename="cat.png"\r\nContent-Type: image/png',
        Buffer.from([1, 2, 3]),
      ),
      part('Content-Disposition: form-data; name="prompt"', "a cat"),
      part('Content-Disposition: form-data; name="tags"', "a"),
      part('Content-Disposition: form-data; name="tags"', "b"),
      part('Content-Disposition: form-data; name="seed"', "7"),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    expect(req.body.equals(expected)).toBe(true);
    await media31.upload!({ file: new Uint8Array([9]), prompt: "p" });
    expect(last().body.toString("latin1")).toContain(
      'name="file"; filename="blob"\r\nContent-Type: application/octet-stream\r\n\r\n\t\r\n',
    );
    await expect(media31.upload!({ file: "not bytes", prompt: "p" })).rejects.toThrow(
      /file.*Blob or Uint8Array/,
    );
  });

  it("application/x-www-form-urlencoded and application/octet-stream bodies", async () => {
    await media31.exchangeToken!({ grant_type: "client credentials", scope: ["read", "write"] });
    expect([last().headers["content-type"], last().body.toString()]).toEqual([
      "application/x-www-form-urlencoded",
      "grant_type=client+credentials&scope=read&scope=write",
    ]);
    await media31.putAsset!({ asset_id: "a 1", body: new Uint8Array([0, 255, 7]) });
    expect([last().method, last().url, last().headers["content-type"], [...last().body]]).toEqual([
      "PUT",
      "/v1/assets/a%201",
      "application/octet-stream",
      [0, 255, 7],
    ]);
  });

  it("binary responses come back as bytes; nullable query and body fields", async () => {
    const audio = await media31.textToSpeech!({
      voice_id: "v1",
      output_format: null,
      text: "hi",
      stability: null,
    });
    expect(audio).toEqual(new Uint8Array([0xff, 0xfb, 0x90, 0x00]));
    expect([last().url, last().body.toString()]).toEqual([
      "/v1/text-to-speech/v1",
      '{"text":"hi","stability":null}',
    ]);
    await media31.textToSpeech!({ voice_id: "v1", output_format: "pcm_16000", text: "hi" });
    expect(last().url).toBe("/v1/text-to-speech/v1?output_format=pcm_16000");
    await expect(media31.textToSpeech!({ voice_id: "v1", text: "hi", output_format: "wav" })).rejects.toThrow(
      /output_format/,
    );
    expect(await media31.getImage!({ image_id: "i1" })).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  });

  it("query style/explode: form, form without explode, spaceDelimited, pipeDelimited, deepObject", async () => {
    await media31.search!({
      ids: [1, 2],
      tags: ["a b", "c"],
      sizes: ["s", "m"],
      colors: ["red", "blue"],
      filter: { model: "x/y", min_score: 0.5 },
      cursor: "n&1",
    });
    expect(last().url).toBe(
      "/v1/search?ids=1&ids=2&tags=a%20b,c&sizes=s%20m&colors=red|blue&filter[model]=x%2Fy&filter[min_score]=0.5&cursor=n%261",
    );
    expect(last().method).toBe("GET");
  });

  it("task protocol from the overlay: a 202 create returns a task whose wait() polls to the result", async () => {
    const task = (await media31.createVideo!({ prompt: "a fox" })) as {
      taskId: string;
      wait: () => Promise<unknown>;
    };
    expect(task.taskId).toBe("t1");
    expect(await task.wait()).toEqual(["https://cdn.media31.example/v.mp4"]);
    expect(
      server.requests.filter((r) => r.url === "/v1/tasks/t1").map((r) => r.headers.authorization),
    ).toEqual(["Key k31-secret", "Key k31-secret"]);
  });

  it("3.0: nullable fields, an apiKey scheme whose description shows the prefix, a constant header", async () => {
    await media30.createVideo!({ prompt: "p", duration: null });
    expect([
      last().url,
      last().body.toString(),
      last().headers.authorization,
      last().headers["api-version"],
    ]).toEqual(["/videos", '{"prompt":"p","duration":null}', "Key k30-secret", "3"]);
    await expect(media30.createVideo!({ prompt: "p", duration: 0 })).rejects.toThrow(/duration.*>= 1/);
  });
});
