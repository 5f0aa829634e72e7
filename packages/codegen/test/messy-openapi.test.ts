import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GenerateResult, generate } from "../src/generate.js";
import { loopbackServer } from "./helpers/loopback-server.js";

const PKG_ROOT = join(import.meta.dirname, "..");
const REPO_ROOT = join(PKG_ROOT, "..", "..");

type Call = (input: Record<string, unknown>) => Promise<unknown>;

/**
 * A vendor's messy OpenAPI 3.0 file with no x-gen-* generates a package that type-checks (tsc in
 * a temp dir inside the repository, so @gen/runtime and zod resolve) and calls a loopback server.
 */
describe("messy OpenAPI 3.0 file without x-gen", () => {
  let dir: string;
  let result: GenerateResult;
  beforeAll(async () => {
    dir = mkdtempSync(join(PKG_ROOT, ".tmp-messy-"));
    mkdirSync(join(dir, "catalogs"));
    cpSync(join(import.meta.dirname, "fixtures/messy-openapi.yaml"), join(dir, "catalogs/messy.yaml"));
    const base = relative(dir, join(REPO_ROOT, "tsconfig.base.json")).split("\\").join("/");
    writeFileSync(join(dir, "tsconfig.base.json"), JSON.stringify({ extends: base }));
    writeFileSync(
      join(dir, "gen.config.json"),
      JSON.stringify({
        vendors: [{ id: "messy", catalog: "catalogs/messy.yaml", adapter: "openapi", out: "pkg" }],
      }),
    );
    result = await generate({ root: dir });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("generates, turning what cannot be typed into warnings", () => {
    expect(result.vendors).toEqual([{ id: "messy", operations: 7, stats: {} }]);
    const codes = new Set(result.warnings.map((w) => w.code));
    for (const code of [
      "default-x-gen-vendor",
      "default-operation-id",
      "default-path-param",
      "untyped-schema",
      "untyped-ref",
      "untyped-request-body",
      "untyped-response",
    ])
      expect(codes, code).toContain(code);
    // x-www-form-urlencoded is encoded as such now: no warning.
    expect(codes).not.toContain("unsupported-media-type");
  });

  it("compiles with tsc (strict)", () => {
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    const r = spawnSync(process.execPath, [tsc, "-p", join(dir, "pkg")], { encoding: "utf8" });
    // Only the generated package is under test: errors inside other workspace sources are not its own.
    const own = (r.stdout + r.stderr)
      .split("\n")
      .filter((l) => /error TS\d+/.test(l) && !/^packages\/(runtime|spec)\//.test(l));
    expect(own).toEqual([]);
    expect(r.stdout + r.stderr).toMatch(r.status === 0 ? /^$/ : /error TS/);
  });

  it("calls every kind of operation against a loopback server", async () => {
    const server = await loopbackServer((req) => {
      if (req.method === "DELETE") return { status: 204 };
      if (req.url.startsWith("/v2/pets?"))
        return { status: 200, body: [{ id: 1, name: "Rex", species: null }] };
      if (req.url === "/v2/categories")
        return { status: 200, body: { label: "all", children: [{ label: "cats" }] } };
      return { status: 200, body: { id: 7, name: "Rex", echo: JSON.parse(req.body || "null") } };
    });
    try {
      const mod = (await import(join(dir, "pkg/src/index.ts"))) as Record<string, unknown>;
      const create = mod.createMessy as (o: Record<string, unknown>) => Record<string, Call>;
      const client = create({
        apiKey: "secret-token",
        baseUrl: `${server.baseUrl}/v2`,
        allowInsecureLoopback: true,
      });

      expect(await client.getPets!({ limit: 5, species: "cat", xTraceId: "t-1" })).toEqual([
        { id: 1, name: "Rex", species: null },
      ]);
      const list = server.requests[0]!;
      expect(list.url).toBe("/v2/pets?limit=5&species=cat");
      expect(list.headers["x-trace-id"]).toBe("t-1");
      expect(list.headers.authorization).toBe("Bearer secret-token");

      const created = (await client.postPets!({
        name: "Rex",
        photoUrl: "https://cdn.example.com/rex.png",
        tags: [{ name: "good", tag: "boy" }],
      })) as { echo: unknown };
      expect(created.echo).toEqual({
        name: "Rex",
        photoUrl: "https://cdn.example.com/rex.png",
        tags: [{ name: "good", tag: "boy" }],
      });

      await client.getPetById!({ petId: "p 1" });
      expect(server.requests.at(-1)!.url).toBe("/v2/pets/p%201");
      await client.putPetsByPetIdNotesByNoteId!({
        petId: "p1",
        noteId: "n1",
        text: "likes naps",
        pinned: true,
      });
      const put = server.requests.at(-1)!;
      expect([put.method, put.url, JSON.parse(put.body)]).toEqual([
        "PUT",
        "/v2/pets/p1/notes/n1",
        { text: "likes naps", pinned: true },
      ]);
      expect(await client.listCategories!({})).toMatchObject({ children: [{ label: "cats" }] });
      await client.deletePetsByPetId!({ petId: "p1" });
      expect(server.requests.at(-1)!.method).toBe("DELETE");
    } finally {
      await server.close();
    }
  });

  it("rejects bad input before any request, naming the field and the rule", async () => {
    const server = await loopbackServer(() => ({ status: 200, body: {} }));
    try {
      const mod = (await import(join(dir, "pkg/src/index.ts"))) as Record<string, unknown>;
      const create = mod.createMessy as (o: Record<string, unknown>) => Record<string, Call>;
      const client = create({ apiKey: "k", baseUrl: server.baseUrl, allowInsecureLoopback: true });
      await expect(client.postPets!({ name: "Rex", photoUrl: "not a url" })).rejects.toThrow(
        /photoUrl.*http\(s\) URL/,
      );
      await expect(client.getPets!({ limit: 0 })).rejects.toThrow(/limit.*> 0/);
      await expect(client.postPets!({ name: "Rex", species: "cow" })).rejects.toThrow(
        /species.*cat, dog, parrot/,
      );
      expect(server.requests).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
