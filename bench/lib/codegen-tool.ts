// One generator run in this fresh process: `<tool> <openapi file> <out dir>`; prints
// `{ ms, importMs, bytes }` (ms: time of the generation call itself, module loading excluded;
// importMs: loading the tool's module before it, which a user's fresh process pays too; bytes of
// every file written). Tools: gen (this repo: gen.config + generate, the documented plugin path, with
// the defaults; gen-wire: the same with the opt-in `"wireTypes": true`),
// openapi-typescript (types), hey-api (@hey-api/typescript + sdk + zod: types and validation),
// hey-api-default (hey-api with its plugins left to its defaults: types + sdk, no validation).
import { cpSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

const [tool, file, out] = process.argv.slice(2) as [string, string, string];
mkdirSync(out, { recursive: true });

function sizeOf(dir: string): number {
  let n = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    n += s.isDirectory() ? sizeOf(p) : s.size;
  }
  return n;
}

let ms: number;
let importMs = performance.now();
if (tool === "gen" || tool === "gen-wire") {
  const { generate } = await import("../../packages/codegen/src/index.js");
  importMs = performance.now() - importMs;
  const ext = file.endsWith(".json") ? "json" : "yaml";
  mkdirSync(join(out, "catalogs/v"), { recursive: true });
  cpSync(file, join(out, `catalogs/v/openapi.${ext}`));
  writeFileSync(
    join(out, "gen.config.json"),
    JSON.stringify({
      vendors: [
        {
          id: "v",
          catalog: `catalogs/v/openapi.${ext}`,
          adapter: "openapi",
          out: "pkg",
          // A file without an absolute server URL (one real document) still generates.
          options: { baseUrl: "https://api.vendor.invalid" },
          // gen-wire: gen.config `"wireTypes": true` (openapi-typescript's wire types as well).
          ...(tool === "gen-wire" ? { wireTypes: true } : {}),
        },
      ],
    }),
  );
  const t0 = performance.now();
  await generate({ root: out });
  ms = performance.now() - t0;
  // srcBytes: the SDK code alone (src/), without README and package files; bytes: every file in
  // the package directory. modelBytes: openapi.gen.json, only shipped with gen.config
  // `"shipModel": true` (off here, as by default): 0 when the package has none.
  const pkg = join(out, "pkg");
  const model = join(pkg, "openapi.gen.json");
  const modelBytes = existsSync(model) ? statSync(model).size : 0;
  console.log(
    JSON.stringify({ ms, importMs, bytes: sizeOf(pkg), srcBytes: sizeOf(join(pkg, "src")), modelBytes }),
  );
} else if (tool === "openapi-typescript") {
  const { default: openapiTS, astToString } = await import("openapi-typescript");
  importMs = performance.now() - importMs;
  const t0 = performance.now();
  const text = astToString(await openapiTS(pathToFileURL(file), { silent: true }));
  writeFileSync(join(out, `${basename(file)}.d.ts`), text);
  ms = performance.now() - t0;
  console.log(JSON.stringify({ ms, importMs, bytes: sizeOf(out) }));
} else if (tool === "hey-api" || tool === "hey-api-default") {
  const { createClient } = await import("@hey-api/openapi-ts");
  importMs = performance.now() - importMs;
  const t0 = performance.now();
  await createClient({
    input: file,
    output: { path: out },
    // hey-api-default: no `plugins` key, what `openapi-ts -i <file> -o <dir>` writes.
    ...(tool === "hey-api" ? { plugins: ["@hey-api/typescript", "@hey-api/sdk", "zod"] } : {}),
    logs: { level: "silent" },
  });
  ms = performance.now() - t0;
  console.log(JSON.stringify({ ms, importMs, bytes: sizeOf(out) }));
} else throw new Error(`unknown tool ${tool}`);
