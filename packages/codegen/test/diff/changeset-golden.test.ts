import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { GenModel, JsonSchema } from "@gen/spec";
import { describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import {
  changesetFiles,
  changesetVersion,
  changesetWorkspace,
  editCatalog,
} from "../helpers/changeset-workspace.js";

const makeImage = (m: GenModel) => m.paths["/images"]!.post!;
const body = (m: GenModel) =>
  (makeImage(m).requestBody as { content: Record<string, { schema: JsonSchema }> }).content[
    "application/json"
  ]!.schema;

/** One scripted catalog edit per rule of the differ, with the bump it must produce. */
const edits: Array<{ name: string; bump: "patch" | "minor" | "major"; edit: (m: GenModel) => void }> = [
  {
    name: "patch-descriptions",
    bump: "patch",
    edit: (m) => {
      makeImage(m).summary = "Makes one image from a prompt";
      body(m).properties!.prompt!.description = "What to draw, in English";
    },
  },
  {
    name: "minor-added-operation",
    bump: "minor",
    edit: (m) => {
      m.paths["/videos"] = {
        post: { operationId: "makeVideo", "x-gen-operation": { name: "make-video", kind: "create" } },
      };
    },
  },
  {
    name: "minor-optional-parameter",
    bump: "minor",
    edit: (m) => {
      body(m).properties!.seed = { type: "integer" };
    },
  },
  {
    name: "minor-enum-value",
    bump: "minor",
    edit: (m) => {
      m.components!.schemas!.Quality!.enum = ["draft", "final", "ultra"];
    },
  },
  {
    name: "major-removed-operation",
    bump: "major",
    edit: (m) => {
      delete m.paths["/images/{id}"];
    },
  },
  {
    name: "major-removed-parameter",
    bump: "major",
    edit: (m) => {
      delete body(m).properties!.count;
    },
  },
  {
    name: "major-newly-required",
    bump: "major",
    edit: (m) => {
      body(m).required = ["prompt", "quality"];
    },
  },
  {
    name: "major-narrowed-enum",
    bump: "major",
    edit: (m) => {
      m.components!.schemas!.Quality!.enum = ["final"];
    },
  },
  {
    name: "major-narrowed-range",
    bump: "major",
    edit: (m) => {
      body(m).properties!.count!.maximum = 2;
      body(m).properties!.prompt!.maxLength = 200;
    },
  },
  {
    name: "major-wire-name",
    bump: "major",
    edit: (m) => {
      makeImage(m)["x-gen-operation"]!.headerParams = { userId: "X-Account-ID" };
      makeImage(m).parameters = [{ name: "X-Account-ID", in: "header", schema: { type: "string" } }];
    },
  },
  {
    name: "major-host",
    bump: "major",
    edit: (m) => {
      m.servers = [{ url: "https://api.cs2.test/v1" }];
      m["x-gen-hosts"] = { api: ["api.cs2.test"] };
    },
  },
];

const FIRST_OF_BUMP = new Set(["patch-descriptions", "minor-added-operation", "major-removed-operation"]);
const NEXT_VERSION = { patch: "0.1.1", minor: "0.2.0", major: "1.0.0" };

describe("catalog updates write changesets", () => {
  it.each(edits)("$name", async ({ name, bump, edit }) => {
    const root = changesetWorkspace();
    const first = await generate({ root });
    expect(first.changesets).toEqual([]);
    expect(changesetFiles(root)).toEqual({});

    editCatalog(root, edit);
    const checked = await generate({ root, check: true });
    expect(checked.changesets.map((c) => c.bump)).toEqual([bump]);
    expect(changesetFiles(root)).toEqual({});

    const result = await generate({ root });
    const files = changesetFiles(root);
    expect(Object.keys(files)).toEqual([result.changesets[0]!.path.replace(".changeset/", "")]);
    expect(Object.keys(files)[0]).toMatch(/^csvendor-catalog-[0-9a-f]{8}\.md$/);
    await expect(Object.values(files)[0]).toMatchFileSnapshot(
      join("..", "__golden__", "changesets", `${name}.md`),
    );
    expect((await generate({ root })).changesets).toEqual([]);

    if (!FIRST_OF_BUMP.has(name)) return;
    const version = changesetVersion(root);
    expect(version.status, version.output).toBe(0);
    const pkg = JSON.parse(readFileSync(join(root, "packages/csvendor/package.json"), "utf8"));
    expect(pkg.version).toBe(NEXT_VERSION[bump]);
    const changelog = readFileSync(join(root, "packages/csvendor/CHANGELOG.md"), "utf8");
    expect(changelog).toContain(`## ${NEXT_VERSION[bump]}`);
    expect(changelog).toContain(result.changesets[0]!.changes[0]!.message);
    expect(changesetFiles(root)).toEqual({});
    const after = await generate({ root, check: true });
    expect(after.changes).toEqual([]);
  });
});
