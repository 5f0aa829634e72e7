import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { Project, ts } from "ts-morph";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../src/generate.js";

const PKG_ROOT = join(import.meta.dirname, "..");
const REPO_ROOT = join(PKG_ROOT, "..", "..");

const DESCRIPTION = "Paints a picture of the prompt in the chosen style.";
const ok = { "200": { description: "ok", content: { "application/json": { schema: { type: "object" } } } } };
/** A nested object two inputs share: emitted once as a named type; its fields keep their docs. */
const FRAME = {
  type: "object",
  required: ["width"],
  properties: {
    width: { type: "integer", description: "Frame width in pixels." },
    height: { type: "integer", description: "Frame height in pixels." },
  },
};
const DOC = {
  openapi: "3.1.0",
  info: { title: "Docs", version: "1.0.0" },
  servers: [{ url: "https://api.docs.example" }],
  paths: {
    "/v1/paint": {
      post: {
        operationId: "paint",
        summary: "Paint",
        description: DESCRIPTION,
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["prompt"],
                properties: { prompt: { type: "string", description: "What to paint." }, frame: FRAME },
              },
            },
          },
        },
        responses: ok,
      },
    },
    "/v1/sketch": {
      post: {
        operationId: "sketch",
        requestBody: {
          content: {
            "application/json": {
              schema: { type: "object", properties: { frame: FRAME, lines: { type: "integer" } } },
            },
          },
        },
        responses: ok,
      },
    },
    "/v1/old": {
      get: { operationId: "oldThing", description: "An old read.", deprecated: true, responses: ok },
    },
  },
};

const PROBE = `import { createDocs, paint, oldThing, type PaintOutput, type SketchInput } from "./pkg/src/index.js";
const client = createDocs();
void client.paint({ prompt: "a fox" });
void paint;
void client.oldThing({});
void oldThing;
const painted: Promise<PaintOutput> = client.call("paint", { prompt: "a fox" });
// @ts-expect-error a known name takes that operation's input
void client.call("paint", { nope: 1 });
const anyName: Promise<unknown> = client.call("not-an-operation", 1);
void client.sketch({ frame: { width: 640 } });
const typed: SketchInput = { frame: { width: 320 } };
void typed.frame?.width;
void client.paint({ prompt: "x", frame: { width: 160 } });
void [painted, anyName];
client.
`;

/**
 * Each operation's doc is written once, on its standalone function; the client's methods are
 * mapped from those functions. What an editor shows is asked of the TypeScript language service
 * itself, over a generated package: hover and completion on `client.paint` and on `paint` carry
 * the description and the example, and a deprecated operation stays deprecated on both.
 */
describe("editor docs of a generated package", { timeout: 120_000 }, () => {
  let dir: string;
  let service: ts.LanguageService;
  let probe: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(PKG_ROOT, ".tmp-docs-"));
    mkdirSync(join(dir, "catalogs"));
    writeFileSync(join(dir, "catalogs/docs.json"), JSON.stringify(DOC));
    const vendors = [{ id: "docs", catalog: "catalogs/docs.json", adapter: "openapi", out: "pkg" }];
    writeFileSync(join(dir, "gen.config.json"), JSON.stringify({ vendors }));
    await generate({ root: dir });
    probe = join(dir, "probe.ts");
    writeFileSync(probe, PROBE);
    const base = relative(dir, join(REPO_ROOT, "tsconfig.base.json")).split("\\").join("/");
    const config = ts.parseJsonConfigFileContent({ extends: base, files: ["probe.ts"] }, ts.sys, dir);
    // ts-morph keeps the project (the probe and every file it imports) and hands out its language service.
    const project = new Project({ compilerOptions: config.options });
    project.addSourceFileAtPath(probe);
    project.resolveSourceFileDependencies();
    service = project.getLanguageService().compilerObject;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const at = (piece: string, offset = 0) => {
    const i = readFileSync(probe, "utf8").indexOf(piece);
    expect(i, piece).toBeGreaterThanOrEqual(0);
    return i + offset;
  };
  const hover = (piece: string, offset: number) => {
    const info = service.getQuickInfoAtPosition(probe, at(piece, offset));
    return {
      doc: ts.displayPartsToString(info?.documentation),
      tags: (info?.tags ?? []).map((t) => `@${t.name} ${ts.displayPartsToString(t.text)}`).join("\n"),
      shown: ts.displayPartsToString(info?.displayParts),
    };
  };

  it("the probe type-checks against the generated package (call by name typed like the method)", () => {
    const errors = service
      .getSemanticDiagnostics(probe)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    // The trailing `client.` is the completion point, an expected syntax error only.
    expect(errors).toEqual([]);
  });

  it("hover on client.paint and on the standalone paint shows the description and example", () => {
    for (const [piece, offset] of [
      ["client.paint(", "client.".length],
      ["void paint;", "void ".length],
    ] as const) {
      const h = hover(piece, offset);
      expect(h.doc, piece).toContain(DESCRIPTION);
      expect(h.tags, piece).toContain('@example const output = await docs.paint({ prompt: "a red fox');
    }
    // The method's signature has no client argument; the standalone function's has.
    expect(hover("client.paint(", 7).shown).toMatch(/paint: \(input: PaintInput, options\?: CallOptions/);
    expect(hover("void paint;", 5).shown).toMatch(/paint: \(client: VendorClient, input: PaintInput/);
  });

  it("hover on a field of a nested object shared by two inputs (one named type) shows its doc", () => {
    expect(readFileSync(join(dir, "pkg/src/types.gen.ts"), "utf8")).toMatch(/^type FrameShape = \{/m);
    // In a call's argument, in a typed literal, and reading the field back.
    for (const [piece, offset] of [
      ["{ width: 640 }", 2],
      ["{ width: 320 }", 2],
      ["{ width: 160 }", 2],
      ["typed.frame?.width", "typed.frame?.".length],
    ] as const) {
      const h = hover(piece, offset);
      expect(h.doc, piece).toBe("Frame width in pixels.");
      expect(h.shown, piece).toMatch(/width: number/);
    }
  });

  it("completion after `client.` lists every operation with its doc", () => {
    const pos = at("client.\n", "client.".length);
    const list = service.getCompletionsAtPosition(probe, pos, {});
    const names = (list?.entries ?? []).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(["paint", "oldThing", "call", "resume", "runtime"]));
    // Only the operations and the client's own members: no definitions, no schemas.
    expect(names.filter((n) => /Operation$|InputCheck$|InputSchema$/.test(n))).toEqual([]);
    const details = service.getCompletionEntryDetails(probe, pos, "paint", {}, undefined, {}, undefined);
    expect(ts.displayPartsToString(details?.documentation)).toContain(DESCRIPTION);
    const old = (list?.entries ?? []).find((e) => e.name === "oldThing");
    expect(old?.kindModifiers).toContain("deprecated");
  });

  it("a deprecated operation is deprecated on the method and the function", () => {
    for (const [piece, offset] of [
      ["client.oldThing(", "client.".length],
      ["void oldThing;", "void ".length],
    ] as const) {
      const h = hover(piece, offset);
      expect(h.doc, piece).toContain("An old read.");
      expect(h.tags, piece).toContain("@deprecated");
    }
  });
});
