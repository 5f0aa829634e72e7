import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { tempRoot } from "../helpers/temp-root.js";
import { unionBody } from "../helpers/union-body.js";

/**
 * A package that ships no model (gen.config `shipModel` off, the default): the differ's baseline is
 * the catalog directory (catalog + overlay) at the last commit of the package, rebuilt with the
 * same loader, in a real git repository.
 */
const CATALOG_DIR = "catalogs/uvendor";

/** An OpenAPI 3.1 file whose create takes a oneOf body (by `mode`) with nullable fields. */
function catalog(edit: (doc: Catalog) => void = () => {}): string {
  const doc: Catalog = {
    openapi: "3.1.0",
    info: { title: "U", version: "1" },
    servers: [{ url: "https://api.u.test" }],
    paths: {
      "/gen": {
        post: {
          operationId: "generate",
          requestBody: {
            content: {
              "application/json": {
                schema: unionBody(),
              },
            },
          },
          responses: { "200": { description: "ok" } },
        },
      },
    },
  };
  edit(doc);
  return `${JSON.stringify(doc, null, 2)}\n`;
}
// biome-ignore lint/suspicious/noExplicitAny: a scripted edit reaches into the document freely
type Catalog = Record<string, any>;
const variants = (d: Catalog) =>
  d.paths["/gen"].post.requestBody.content["application/json"].schema.oneOf as Catalog[];

const OVERLAY = `overlay: 1.0.0
info: { title: What the U file lacks, version: 1.0.0 }
actions:
  - target: $
    update:
      x-gen-vendor: { id: uvendor, packageName: "@gen/uvendor", displayName: U Vendor }
      x-gen-auth: { type: apiKey, header: X-Api-Key, credential: { option: apiKey, env: [U_API_KEY] } }
  - target: $.paths['/gen'].post
    update:
      x-gen-operation: { name: generate, kind: create }
`;

/** A project with one vendor, optionally a git repository with everything committed. */
function project(options: { git: boolean; adapter?: string }): string {
  const root = tempRoot({
    "gen.config.json": JSON.stringify({
      vendors: [
        {
          id: "uvendor",
          catalog: `${CATALOG_DIR}/openapi.json`,
          adapter: options.adapter ?? "openapi",
          out: "packages/uvendor",
        },
      ],
    }),
  });
  mkdirSync(join(root, CATALOG_DIR), { recursive: true });
  writeFileSync(join(root, CATALOG_DIR, "openapi.json"), catalog());
  writeFileSync(join(root, CATALOG_DIR, "overlay.yaml"), OVERLAY);
  if (options.git) {
    git(root, "init", "-q");
    git(root, "config", "user.name", "test");
    git(root, "config", "user.email", "test@example.invalid");
    git(root, "config", "commit.gpgsign", "false");
  }
  return root;
}

function git(root: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function commitAll(root: string, message: string): void {
  git(root, "add", "-A");
  git(root, "commit", "-q", "-m", message);
}

const hasGit = (() => {
  try {
    execFileSync("git", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!hasGit)("the differ without a shipped model (baseline from git)", () => {
  const cases: Array<{ given: string; edit: (d: Catalog) => void; bump: string; kind: string }> = [
    {
      given: "a range narrowed inside one union variant",
      edit: (d) => {
        variants(d)[0]!.properties.prompt.maxLength = 50;
      },
      bump: "major",
      kind: "range-narrowed",
    },
    {
      given: "an optional field added to one union variant",
      edit: (d) => {
        variants(d)[1]!.properties.mask = { type: "string" };
      },
      bump: "minor",
      kind: "parameter-added",
    },
    {
      given: "anyOf [X, null] no longer nullable",
      edit: (d) => {
        variants(d)[0]!.properties.seed = { type: "integer" };
      },
      bump: "major",
      kind: "nullable-removed",
    },
    {
      given: "a field made nullable (3.1 type [X, null])",
      edit: (d) => {
        variants(d)[1]!.properties.image = { type: ["string", "null"] };
      },
      bump: "minor",
      kind: "nullable-added",
    },
  ];

  it.each(cases)("$given: a $bump changeset", async ({ edit, bump, kind }) => {
    const root = project({ git: true });
    const first = await generate({ root, changesets: true });
    expect(first.changesets).toEqual([]);
    expect(existsSync(join(root, "packages/uvendor/openapi.gen.json"))).toBe(false);
    commitAll(root, "uvendor 0.1.0");

    writeFileSync(join(root, CATALOG_DIR, "openapi.json"), catalog(edit));
    const result = await generate({ root, changesets: true });
    expect(result.changesets.map((c) => c.bump)).toEqual([bump]);
    expect(result.changesets[0]!.changes.map((c) => [c.bump, c.kind])).toContainEqual([bump, kind]);
    expect(readFileSync(join(root, result.changesets[0]!.path), "utf8")).toContain(`"@gen/uvendor": ${bump}`);

    // Once the regenerated package is committed, that commit is the baseline: nothing new to say.
    commitAll(root, "uvendor regenerated");
    expect((await generate({ root, check: true })).changesets).toEqual([]);
  });

  it("reads the overlay of the last commit too: a nullable field made required through it", async () => {
    const root = project({ git: true });
    await generate({ root });
    commitAll(root, "uvendor 0.1.0");
    writeFileSync(
      join(root, CATALOG_DIR, "overlay.yaml"),
      `${OVERLAY}  - target: $.paths['/gen'].post.requestBody.content['application/json'].schema.oneOf[1]
    update: { required: [mode, image, style] }
`,
    );
    const result = await generate({ root, check: true });
    expect(result.changesets.map((c) => c.bump)).toEqual(["major"]);
    expect(result.changesets[0]!.changes.map((c) => c.kind)).toContain("parameter-now-required");
  });

  it("an unchanged catalog: no changeset, and the adapter runs once (no baseline rebuilt)", async () => {
    const root = project({ git: true, adapter: "./ledger-adapter.mjs" });
    // A path adapter that records each run in a ledger, then hands the OpenAPI file on as the
    // model it already is once the overlay is merged in by hand (kept tiny: no imports).
    const model = JSON.parse(catalog()) as Catalog;
    writeFileSync(
      join(root, "ledger-adapter.mjs"),
      `import { appendFileSync } from "node:fs";
import { join } from "node:path";
export default {
  specificationVersion: "v1",
  name: "ledger",
  async load(ctx) {
    appendFileSync(${JSON.stringify(join(root, "ledger.txt"))}, ctx.root + "\\n");
    const model = JSON.parse(await ctx.readFile(ctx.catalogPath));
    return { model, warnings: [] };
  },
};
`,
    );
    model["x-gen-vendor"] = { id: "uvendor", packageName: "@gen/uvendor", displayName: "U Vendor" };
    model["x-gen-auth"] = { type: "none" };
    model.paths["/gen"].post["x-gen-operation"] = { name: "generate", kind: "create" };
    writeFileSync(join(root, CATALOG_DIR, "openapi.json"), JSON.stringify(model));
    writeFileSync(join(root, ".gitignore"), "ledger.txt\n");
    await generate({ root });
    commitAll(root, "uvendor 0.1.0");
    const ledger = () => readFileSync(join(root, "ledger.txt"), "utf8").trim().split("\n");
    expect(ledger()).toEqual([root]);

    const again = await generate({ root, changesets: true });
    expect(again.changesets).toEqual([]);
    expect(again.changes).toEqual([]);
    expect(ledger()).toEqual([root, root]);

    // A change: the adapter also runs on the committed copy (another root), and the diff says it.
    model.paths["/gen"].post.summary = "Generates";
    writeFileSync(join(root, CATALOG_DIR, "openapi.json"), JSON.stringify(model));
    const changed = await generate({ root, check: true });
    expect(changed.changesets.map((c) => c.bump)).toEqual(["patch"]);
    expect(ledger()).toHaveLength(4);
    expect(ledger()[3]).not.toBe(root);
  });

  it("a package whose model was shipped before: that model is the baseline, then it is deleted", async () => {
    const root = project({ git: false });
    const config = JSON.parse(readFileSync(join(root, "gen.config.json"), "utf8"));
    config.vendors[0].shipModel = true;
    writeFileSync(join(root, "gen.config.json"), JSON.stringify(config));
    await generate({ root });
    expect(existsSync(join(root, "packages/uvendor/openapi.gen.json"))).toBe(true);
    const pkg = JSON.parse(readFileSync(join(root, "packages/uvendor/package.json"), "utf8"));
    expect(pkg.files).toContain("openapi.gen.json");
    expect(pkg.exports["./openapi.json"]).toBe("./openapi.gen.json");

    config.vendors[0].shipModel = false;
    writeFileSync(join(root, "gen.config.json"), JSON.stringify(config));
    writeFileSync(
      join(root, CATALOG_DIR, "openapi.json"),
      catalog((d) => {
        variants(d)[0]!.properties.seed = { type: "integer" };
      }),
    );
    const result = await generate({ root, changesets: true });
    expect(result.changesets.map((c) => c.bump)).toEqual(["major"]);
    expect(result.changes).toContainEqual({ path: "packages/uvendor/openapi.gen.json", action: "delete" });
    expect(existsSync(join(root, "packages/uvendor/openapi.gen.json"))).toBe(false);
    const after = JSON.parse(readFileSync(join(root, "packages/uvendor/package.json"), "utf8"));
    expect(after.files).not.toContain("openapi.gen.json");
    expect(after.exports["./openapi.json"]).toBeUndefined();
  });
});

describe("the differ with no git history", () => {
  it("behaves as for a first release: no baseline, no changeset", async () => {
    const root = project({ git: false });
    await generate({ root, changesets: true });
    writeFileSync(
      join(root, CATALOG_DIR, "openapi.json"),
      catalog((d) => {
        variants(d)[0]!.properties.prompt.maxLength = 50;
      }),
    );
    const result = await generate({ root, changesets: true });
    expect(result.changesets).toEqual([]);
    expect(result.changes.map((c) => c.path)).toContain("packages/uvendor/src/schemas.gen.ts");
  });
});
