import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import {
  ContentRejectedError,
  HostNotAllowedError,
  InvalidRequestError,
  InvalidResponseError,
} from "@gen/runtime";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DiagramDownloadError, diagramMethods, diagramTypes, generateAndDownload } from "../src/index.js";
import { fileBytes } from "./helpers/simulator.js";
import { type EdrawmaxHarness, startEdrawmax } from "./helpers/start-edrawmax.js";

const PNG = fileBytes("png")!.bytes;
const SVG = fileBytes("svg")!.bytes;

let h: EdrawmaxHarness;
let dir: string;
beforeAll(async () => {
  h = await startEdrawmax();
});
afterAll(() => h.close());
beforeEach(async () => {
  h.sim.reset();
  h.seen.length = 0;
  dir = await mkdtemp(join(tmpdir(), "edrawmax-gd-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Overrides fields of the simulator's next diagram result (e.g. a hostile `png_url`). */
async function nextResult(fields: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${h.sim.baseUrl}/__edrawmax/next-result`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(fields),
  });
  expect(res.status).toBe(200);
}

describe.each(diagramTypes)("generateAndDownload(%s)", (type) => {
  it("generates, saves PNG and SVG, and returns paths, URLs and source", async () => {
    const out = await generateAndDownload(
      type,
      { prompt: `${type} of a release`, lang: "en" },
      { client: h.client, dir },
    );
    expect(out.type).toBe(type);
    expect(await readFile(out.pngPath)).toEqual(PNG);
    expect(await readFile(out.svgPath)).toEqual(SVG);
    expect(basename(out.pngPath)).toMatch(new RegExp(`^${type}-\\d{8}-\\d{6}\\.png$`));
    expect(basename(out.svgPath)).toBe(basename(out.pngPath).replace(/\.png$/, ".svg"));
    expect(out.pngUrl).toBe(out.output["png_url"]);
    expect(out.svgUrl).toBe(out.output["svg_url"]);
    expect(out.source).toBe(out.output[type === "flowchart" ? "mermaid_code" : "source_code"]);
    expect(out.source).toContain(`${type} of a release`);
    expect(h.sim.ledger.createCount(diagramMethods[type])).toBe(1);
    expect((await readdir(dir)).sort()).toEqual([basename(out.pngPath), basename(out.svgPath)].sort());
  });
});

describe("generateAndDownload safety", () => {
  it("never overwrites: a second run with the same name gets new files, the first stay intact", async () => {
    await writeFile(join(dir, "plan.svg"), "<svg>mine</svg>");
    const first = await generateAndDownload(
      "gantt",
      { prompt: "a" },
      { client: h.client, dir, fileName: "plan" },
    );
    const second = await generateAndDownload(
      "gantt",
      { prompt: "b" },
      { client: h.client, dir, fileName: "plan" },
    );
    expect(first.pngPath).toBe(join(dir, "plan.png"));
    expect(first.svgPath).toBe(join(dir, "plan-1.svg"));
    expect(second.pngPath).toBe(join(dir, "plan-1.png"));
    expect(second.svgPath).toBe(join(dir, "plan-2.svg"));
    expect(await readFile(join(dir, "plan.svg"), "utf8")).toBe("<svg>mine</svg>");
    expect((await readdir(dir)).length).toBe(5);
  });

  it("a hostile result URL is refused, nothing is written for it, and what was made is kept", async () => {
    await nextResult({ png_url: "https://attacker.example/thumb.png" });
    const error = await generateAndDownload("mindmap", { prompt: "ml" }, { client: h.client, dir }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DiagramDownloadError);
    const { diagram, errors } = error as DiagramDownloadError;
    expect(errors.png).toBeInstanceOf(HostNotAllowedError);
    expect(errors.svg).toBeUndefined();
    expect(diagram.pngPath).toBeUndefined();
    expect(await readFile(diagram.svgPath!)).toEqual(SVG);
    expect(diagram.source).toContain("ml");
    expect(diagram.pngUrl).toBe("https://attacker.example/thumb.png");
    expect(await readdir(dir)).toEqual([basename(diagram.svgPath!)]);
    expect(h.sim.ledger.entries.filter((e) => e.host === "attacker.example")).toHaveLength(0);
  });

  it("a result URL that redirects off the list is refused for both files", async () => {
    const off = "https://static.edrawsoft.com/r/off-list/x";
    await nextResult({ png_url: `${off}.png`, svg_url: `${off}.svg` });
    const error = await generateAndDownload("flowchart", { prompt: "p" }, { client: h.client, dir }).catch(
      (e: unknown) => e,
    );
    const { errors } = error as DiagramDownloadError;
    expect(errors.png).toBeInstanceOf(HostNotAllowedError);
    expect(errors.svg).toBeInstanceOf(HostNotAllowedError);
    expect(await readdir(dir)).toEqual([]);
  });

  it("a mislabeled result and an oversized one are refused and leave no file", async () => {
    const results = "https://edrawmax-sim.oss-cn-hangzhou.aliyuncs.com";
    await nextResult({
      png_url: `${results}/large/x.png?bytes=9000`,
      svg_url: `${results}/mislabeled/main.svg`,
    });
    const error = await generateAndDownload(
      "infographic",
      { prompt: "p" },
      { client: h.client, dir, maxBytes: 8000 },
    ).catch((e: unknown) => e);
    const { errors } = error as DiagramDownloadError;
    expect(errors.png).toBeInstanceOf(InvalidResponseError);
    expect(errors.png?.message).toMatch(/maxBytes/);
    expect(errors.svg).toBeInstanceOf(InvalidResponseError);
    expect(errors.svg?.message).toMatch(/content type/);
    expect(await readdir(dir)).toEqual([]);
  });

  it("keeps the SVG when png_url is empty, like the vendor's script", async () => {
    await nextResult({ png_url: "" });
    const out = await generateAndDownload("gantt", { prompt: "p" }, { client: h.client, dir });
    expect(out.pngUrl).toBe("");
    expect(out.pngPath).toBe("");
    expect(await readFile(out.svgPath)).toEqual(SVG);
    expect(await readdir(dir)).toEqual([basename(out.svgPath)]);
  });

  it("a response with neither URL is a typed error, with nothing downloaded", async () => {
    await nextResult({ png_url: null, svg_url: "" });
    const error = await generateAndDownload("gantt", { prompt: "p" }, { client: h.client, dir }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain("png_url");
    expect(await readdir(dir)).toEqual([]);
  });

  it("accepts PNG and SVG served as application/octet-stream when the bytes match the extension", async () => {
    const results = "https://edrawmax-sim.oss-cn-hangzhou.aliyuncs.com";
    await nextResult({ png_url: `${results}/octet/thumb.png`, svg_url: `${results}/octet/main.svg` });
    const out = await generateAndDownload("flowchart", { prompt: "p" }, { client: h.client, dir });
    expect(await readFile(out.pngPath)).toEqual(PNG);
    expect(await readFile(out.svgPath)).toEqual(SVG);
  });

  it("refuses octet-stream bytes that are not what the extension says, and leaves no file", async () => {
    const results = "https://edrawmax-sim.oss-cn-hangzhou.aliyuncs.com";
    await nextResult({ png_url: `${results}/octet-html/thumb.png`, svg_url: `${results}/octet/thumb.png` });
    const error = await generateAndDownload("flowchart", { prompt: "p" }, { client: h.client, dir }).catch(
      (e: unknown) => e,
    );
    const { errors } = error as DiagramDownloadError;
    expect(errors.png).toBeInstanceOf(InvalidResponseError);
    expect(errors.png?.message).toMatch(/octet-stream.*not a PNG/);
    expect(errors.svg?.message).toMatch(/not a SVG/);
    expect(await readdir(dir)).toEqual([]);
  });

  it("vendor errors surface as the runtime's typed errors", async () => {
    h.sim.faults.add({ operation: "generateMindmap", kind: "error", code: 2406 });
    const error = await generateAndDownload("mindmap", { prompt: "p" }, { client: h.client, dir }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ContentRejectedError);
    expect(await readdir(dir)).toEqual([]);
  });

  it.each([
    ["type", ["chart", {}]],
    ["dir", ["flowchart", { dir: "" }]],
    ["maxBytes", ["flowchart", { maxBytes: -1 }]],
    ["prompt", ["flowchart", {}, { prompt: " " }]],
  ] as const)("bad %s fails before any request", async (field, [type, options, input]) => {
    const error = await generateAndDownload(type as never, input ?? { prompt: "p" }, {
      client: h.client,
      dir,
      ...options,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toContain(field);
    expect(h.seen).toEqual([]);
  });
});
