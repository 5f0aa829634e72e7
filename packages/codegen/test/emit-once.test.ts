import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../src/generate.js";
import { rawLoopbackServer } from "./helpers/raw-loopback-server.js";

const PKG_ROOT = join(import.meta.dirname, "..");
const REPO_ROOT = join(PKG_ROOT, "..", "..");
type Client = Record<string, (input: unknown, options?: unknown) => Promise<unknown>>;
type Check = () => { "~standard": { validate: (v: unknown) => { issues?: Array<{ message: string }> } } };

const STYLES = Array.from({ length: 12 }, (_, i) => `style_number_${i}`);
const DATE = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:\\d{2})$";
/** A nested object every body holds (a shared component inlined by the vendor's file). */
const FRAME = {
  type: "object",
  required: ["width"],
  properties: {
    width: { type: "integer", minimum: 1, maximum: 4096, description: "Frame width in pixels." },
    height: { type: "integer", minimum: 1, maximum: 4096, description: "Frame height in pixels." },
    label: { type: "string", minLength: 1, maxLength: 64, description: "A name shown under the frame." },
  },
};
const body = (extra: Record<string, unknown> = {}) => ({
  required: true,
  content: {
    "application/json": {
      schema: {
        type: "object",
        required: ["prompt"],
        properties: {
          prompt: { type: "string", maxLength: 100, description: "What to draw." },
          style: { type: "string", enum: STYLES, description: "The look." },
          frame: FRAME,
          at: { type: "string", pattern: DATE, description: "When to show it." },
          ...extra,
        },
      },
    },
  },
});
const ok = { "200": { description: "ok", content: { "application/json": { schema: { type: "object" } } } } };
/** Two operations with the same body (a copied component), a third reusing the long enum. */
const DOC = {
  openapi: "3.1.0",
  info: { title: "Once", version: "1.0.0" },
  servers: [{ url: "https://api.once.example" }],
  components: { securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Key" } } },
  security: [{ key: [] }],
  paths: {
    "/v1/draw": { post: { operationId: "draw", requestBody: body(), responses: ok } },
    "/v1/sketch": { post: { operationId: "sketch", requestBody: body(), responses: ok } },
    "/v1/paint": {
      post: {
        operationId: "paint",
        requestBody: body({ border: { type: "string", enum: STYLES } }),
        responses: ok,
      },
    },
  },
};

/**
 * Identical shapes are emitted once and referenced by name; the package still type-checks, and
 * the referencing operation validates and sends exactly like the first.
 */
describe("each shape emitted once", { timeout: 120_000 }, () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof rawLoopbackServer>>;
  let client: Client;
  const src = (file: string) => readFileSync(join(dir, "pkg/src", file), "utf8");
  const count = (text: string, piece: string) => text.split(piece).length - 1;

  beforeAll(async () => {
    dir = mkdtempSync(join(PKG_ROOT, ".tmp-once-"));
    mkdirSync(join(dir, "catalogs"));
    writeFileSync(join(dir, "catalogs/once.json"), JSON.stringify(DOC));
    const base = relative(dir, join(REPO_ROOT, "tsconfig.base.json")).split("\\").join("/");
    writeFileSync(join(dir, "tsconfig.base.json"), JSON.stringify({ extends: base }));
    const vendors = [
      { id: "once", catalog: "catalogs/once.json", adapter: "openapi", out: "pkg", shipModel: true },
    ];
    writeFileSync(join(dir, "gen.config.json"), JSON.stringify({ vendors }));
    await generate({ root: dir });
    server = await rawLoopbackServer(() => ({ status: 200, body: { id: "x" } }));
    const mod = (await import(join(dir, "pkg/src/index.ts"))) as Record<string, (o: unknown) => Client>;
    client = mod.createOnce!({ baseUrl: server.baseUrl, allowInsecureLoopback: true, apiKey: "k" });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes an identical input, validator and zod schema once; a long enum once per file", () => {
    const types = src("types.gen.ts");
    expect(types).toContain("export interface SketchInput extends DrawInput {}");
    expect(src("validators.gen.ts")).toContain("export const sketchInputCheck = drawInputCheck as");
    expect(src("schemas.gen.ts")).toContain("export const sketchInputSchema = drawInputSchema;");
    for (const file of ["types.gen.ts", "validators.gen.ts", "schemas.gen.ts"])
      expect(count(src(file), `"${STYLES[11]}"`), file).toBe(1);
    // Field docs stay on the fields; wire types are opt-in.
    expect(types).toContain("/** The look. */");
    expect(existsSync(join(dir, "pkg/src/wire.gen.ts"))).toBe(false);
  });

  it("writes a nested object shared by different inputs once, as a named type, schema and spec", () => {
    const [types, schemas, validators] = ["types.gen.ts", "schemas.gen.ts", "validators.gen.ts"].map(src);
    // Each documented member on a line of its own: TypeScript attaches the doc (editor hover).
    expect(types).toMatch(/^type FrameShape = \{\n\/\*\* Frame width in pixels\. \*\/ width: number;\n/m);
    expect(types).toContain("frame?: FrameShape;");
    expect(schemas).toMatch(
      /^const frameShape = \/\* @__PURE__ \*\/ lazy\(\(\) => obj\(\{ width: int\(gte\(1\), lte\(4096\)\)/m,
    );
    expect(schemas).toContain("frame: opt(frameShape()),");
    expect(validators).toMatch(/^const frameSpec = \{"t":"o","p":\{"width":/m);
    for (const [file, text] of [
      ["types", types],
      ["schemas", schemas],
      ["validators", validators],
    ] as const) {
      expect(
        count(text as string, "Frame width in pixels") +
          count(text as string, '"gte":1,"lte":4096},"height"') +
          count(text as string, "width: int("),
        file,
      ).toBe(1);
      // The long pattern once per file (a constant the fields name).
      expect(count(text as string, JSON.stringify(DATE).slice(1, -1)), file).toBeLessThanOrEqual(1);
    }
    expect(schemas).toMatch(/^const pattern1 = "/m);
  });

  it("the hoisted nested rules validate with the same field paths and messages as inline ones", async () => {
    const zod = (await import(join(dir, "pkg/src/schemas.gen.ts"))) as Record<
      string,
      () => {
        safeParse: (v: unknown) => {
          success: boolean;
          error?: { issues: Array<{ path: unknown[]; message: string }> };
        };
      }
    >;
    const checks = (await import(join(dir, "pkg/src/validators.gen.ts"))) as Record<string, Check>;
    const bad = { prompt: "a fox", frame: { width: 5000, label: "" }, at: "yesterday" };
    for (const op of ["draw", "paint"]) {
      const issues = zod[`${op}InputSchema`]!().safeParse(bad).error?.issues ?? [];
      expect(
        issues.map((i) => `${i.path.join(".")}: ${i.message}`),
        op,
      ).toEqual([
        "frame.width: must be <= 4096",
        "frame.label: must be at least 1 characters",
        `at: must match ${DATE}`,
      ]);
      const compact = checks[`${op}InputCheck`]!()["~standard"].validate(bad).issues ?? [];
      expect(
        compact.map((i) => i.message),
        op,
      ).toEqual(issues.map((i) => i.message));
    }
    await expect(client.paint!(bad)).rejects.toThrow(/frame\.width.*must be <= 4096/s);
    expect(server.requests).toHaveLength(0);
  });

  it("the shared pieces validate like the first operation's, naming the field and rule", async () => {
    const mod = (await import(join(dir, "pkg/src/validators.gen.ts"))) as Record<string, Check>;
    const bad = { prompt: "a fox", style: "nope" };
    for (const name of ["drawInputCheck", "sketchInputCheck", "paintInputCheck"]) {
      const issues = mod[name]!()["~standard"].validate(bad).issues ?? [];
      expect(issues.map((i) => i.message).join(" "), name).toMatch(/style_number_0/);
    }
    const zod = (await import(join(dir, "pkg/src/schemas.gen.ts"))) as Record<
      string,
      () => {
        safeParse: (v: unknown) => { success: boolean; error?: { issues: Array<{ path: unknown[] }> } };
      }
    >;
    const r = zod.paintInputSchema!().safeParse({ prompt: "a fox", border: "nope" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["border"]);
    await expect(client.sketch!(bad)).rejects.toThrow(/style/);
    expect(server.requests).toHaveLength(0);
  });

  it("sends the same bytes through the referencing operation as through the first", async () => {
    const input = { prompt: "a fox", style: STYLES[3] };
    await client.draw!(input);
    await client.sketch!(input);
    const [a, b] = server.requests.slice(-2);
    expect(a!.url).toBe("/v1/draw");
    expect(b!.url).toBe("/v1/sketch");
    expect(b!.body.toString()).toBe(a!.body.toString());
    expect(JSON.parse(b!.body.toString())).toEqual(input);
  });

  it("writes openapi.gen.json one line per path, compact inside", () => {
    const text = readFileSync(join(dir, "pkg/openapi.gen.json"), "utf8");
    const model = JSON.parse(text) as { paths: Record<string, unknown> };
    const lines = text.split("\n");
    for (const path of Object.keys(DOC.paths)) {
      const line = lines.find((l) => l.startsWith(`    ${JSON.stringify(path)}: `));
      expect(JSON.parse(line!.replace(/^\s*"[^"]+": /, "").replace(/,$/, "")), path).toEqual(
        model.paths[path],
      );
    }
    expect(lines.length).toBeLessThan(40);
  });

  it("compiles with tsc (strict)", () => {
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    const r = spawnSync(process.execPath, [tsc, "-p", join(dir, "pkg")], { encoding: "utf8" });
    const own = (r.stdout + r.stderr)
      .split("\n")
      .filter((l) => /error TS\d+/.test(l) && !/^packages\//.test(l));
    expect(own).toEqual([]);
  });
});
