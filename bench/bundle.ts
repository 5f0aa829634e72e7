/**
 * Bundle size and cold import time. Size: an app importing ONE operation of a vendor package
 * (the small core client + the standalone operation function, validation included), bundled with
 * esbuild the way a user meets it: from the BUILT packages (`dist/`, what `npm pack` ships, resolved
 * through the packages' export maps without the `@gen/source` condition), minified, tree-shaken,
 * gzipped; platform browser and node (node: undici left external, it is the runtime's one
 * dependency). The same app bundled from sources (`@gen/source`) is shown next to it. Cold import:
 * each package bundled whole to one ESM file, imported in fresh `node` processes; median.
 * Needs `pnpm --filter @gen/spec --filter @gen/runtime --filter "@gen/{mediaio,tomoviee,edrawmax,ima}" build`.
 * Usage: node scripts/run-ts.mjs bench/bundle.ts [--imports 7]
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Plugin } from "esbuild";
import type { OperationDefinition } from "../packages/runtime/src/types.ts";
import { median, numberArg, round, writeResult } from "./lib/stats.ts";

const IMPORTS = numberArg("imports", 7);
const TMP = fileURLToPath(new URL("./.tmp-bundle/", import.meta.url));
const LIMIT_BYTES = 10 * 1024;
/**
 * Runtime modules the core client imports dynamically on first use, none of them needed by a
 * successful call of the measured (rule-free) operations: the task waiter (`status()`/`wait()`),
 * cross-field rules, downloads, and the vendor error classes (built once a vendor answers with an
 * error), the error redaction and the retry decision (loaded when a call fails), the network-error classifier (loaded when a request fails; its platform variant
 * comes through the `#classify-network-error` subpath import), and on Node the fetch transport
 * (imported on the first request of a client given `options.fetch`; the default is undici; in the
 * browser it is the default transport, imported statically, so it stays counted there). Also left
 * out, because the measured operations do not use them (checked in `main`, which refuses an
 * operation that would): the failure path (`settle-failure`), hooks and logger events
 * (`request-hooks`, only for a client given hooks or a logger), redirects (`follow-redirects`, on a
 * 3xx), binary answers (`decode-binary`), non-JSON bodies (`encode-body`) and styled query
 * parameters (`encode-query`).
 */
const DEFERRED = [
  "create-task",
  "apply-rules",
  "download-file",
  "map-vendor-error",
  "classify-network-error",
  "fetch-transport",
  "redact-error",
  "decide-retry",
  "settle-failure",
  "request-hooks",
  "follow-redirects",
  "decode-binary",
  "encode-body",
  "encode-query",
];
/**
 * The module a dynamic import names, if it is one of `DEFERRED`: a relative import in sources, a
 * `#` subpath import, or in `dist/` the chunk tsup named after it (`create-task-YXPXHM44.js`).
 */
const deferredName = (path: string): string | undefined =>
  DEFERRED.find(
    (d) => path.endsWith(`/${d}.js`) || path === `#${d}` || new RegExp(`/${d}-[A-Z0-9]{8}\\.js$`).test(path),
  );
type From = "dist" | "source";

const apps: Record<string, { core: string; op: string; input: string }> = {
  mediaio: { core: "createMediaioRuntime", op: "t2iImagen4", input: `{ prompt: "a fox" }` },
  tomoviee: { core: "createTomovieeRuntime", op: "textToVideo", input: `{ prompt: "a fox" }` },
  edrawmax: { core: "createEdrawmaxRuntime", op: "generateFlowchart", input: `{ prompt: "login flow" }` },
  ima: { core: "createImaRuntime", op: "listProducts", input: `{ category: "text_to_video" }` },
};

interface Size {
  minified: number;
  /** Minified bytes by origin: zod, the runtime, the vendor package. */
  breakdown: Record<string, number>;
  gzip: number;
  /** Modules loaded only through `import()` on first use (task waiter, rules, downloads): not counted. */
  lazyModules: string[];
  /** Sum of each lazy module bundled whole on its own, gzip -9 (an upper bound). */
  lazyGzip: number;
  /** Node built-ins the browser build could not resolve (left external to measure anyway). */
  unresolvedNodeBuiltins?: string[];
}

async function size(entry: string, platform: "browser" | "node", from: From): Promise<Size> {
  try {
    return await sizeWith(entry, platform, from, []);
  } catch (error) {
    const missing = [...String((error as Error).message).matchAll(/Could not resolve "(node:[^"]+)"/g)].map(
      (m) => m[1]!,
    );
    if (platform !== "browser" || missing.length === 0) throw error;
    return {
      ...(await sizeWith(entry, platform, from, ["node:*"])),
      unresolvedNodeBuiltins: [...new Set(missing)],
    };
  }
}

async function sizeWith(
  entry: string,
  platform: "browser" | "node",
  from: From,
  extra: string[],
): Promise<Size> {
  const lazy = new Set<string>();
  const options = {
    bundle: true,
    minify: true,
    format: "esm",
    platform,
    write: false,
    treeShaking: true,
    conditions: [...(from === "source" ? ["@gen/source"] : []), platform === "browser" ? "browser" : "node"],
    external: platform === "node" ? ["undici", ...extra] : extra,
    logLevel: "silent",
    metafile: true,
  } as const;
  // Counted: everything a successful call of the operation runs, dynamic imports included (the
  // Node transport is one). Left out and measured on their own as `lazy` (each bundled whole, so
  // shared code counts again): modules loaded only on first use of something the call itself does
  // not need, listed in DEFERRED.
  const deferDynamic: Plugin = {
    name: "defer-dynamic-imports",
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind !== "dynamic-import" || args.pluginData === "deferred" || !deferredName(args.path))
          return undefined;
        const resolved = await b.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: "deferred",
        });
        lazy.add(
          resolved.errors.length === 0
            ? resolved.path
            : join(args.resolveDir, args.path.replace(/\.js$/, ".ts")),
        );
        return { path: args.path, external: true };
      });
    },
  };
  const out = await build({ ...options, entryPoints: [entry], plugins: [deferDynamic] });
  const bytes = out.outputFiles[0]!.contents;
  const breakdown: Record<string, number> = {};
  for (const [file, info] of Object.entries(Object.values(out.metafile.outputs)[0]!.inputs)) {
    const key = file.includes("/zod/") ? "zod" : file.includes("packages/runtime/") ? "runtime" : "vendor";
    breakdown[key] = (breakdown[key] ?? 0) + info.bytesInOutput;
  }
  let lazyGzip = 0;
  for (const file of lazy) {
    const chunk = await build({ ...options, entryPoints: [file] });
    lazyGzip += gzipSync(chunk.outputFiles[0]!.contents, { level: 9 }).length;
  }
  return {
    minified: bytes.length,
    breakdown,
    gzip: gzipSync(bytes, { level: 9 }).length,
    lazyModules: [...lazy].map((f) => basename(f)).sort(),
    lazyGzip,
  };
}

function importMs(file: string): number {
  const script = `const t=performance.now();await import(${JSON.stringify(file)});process.stdout.write(String(performance.now()-t))`;
  const runs = Array.from({ length: IMPORTS }, () =>
    Number(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" })),
  );
  return round(median(runs), 1);
}

async function main(): Promise<void> {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const rows = [];
  for (const [vendor, app] of Object.entries(apps)) {
    const src = fileURLToPath(new URL(`../packages/${vendor}/src/index.ts`, import.meta.url));
    const definition = ((await import(src)) as Record<string, OperationDefinition>)[`${app.op}Operation`];
    if (!definition) throw new Error(`${vendor}: no ${app.op}Operation export`);
    if (definition.body || definition.queryStyles || definition.responseType || definition.rules?.length)
      throw new Error(
        `${vendor}.${app.op} loads a DEFERRED module (body, query styles, binary or rules): count it`,
      );
    // `dist/index.js` is what the package's export map gives a bundler without `@gen/source`.
    const dist = fileURLToPath(new URL(`../packages/${vendor}/dist/index.js`, import.meta.url));
    if (!existsSync(dist)) throw new Error(`${dist} is missing: build the packages first (see the header)`);
    const app1 = (from: string) => {
      const entry = `${TMP}${vendor}-one-op-${basename(from)}.ts`;
      writeFileSync(
        entry,
        `import { ${app.core}, ${app.op} } from ${JSON.stringify(from)};\nexport const run = (o) => ${app.op}(${app.core}(o), ${app.input});\n`,
      );
      return entry;
    };
    const browser = await size(app1(dist), "browser", "dist");
    const node = await size(app1(dist), "node", "dist");
    const source = {
      browser: await size(app1(src), "browser", "source"),
      node: await size(app1(src), "node", "source"),
    };
    const whole = `${TMP}${vendor}-whole.mjs`;
    await build({
      entryPoints: [dist],
      bundle: true,
      format: "esm",
      platform: "node",
      outfile: whole,
      conditions: ["node"],
      external: ["undici"],
      logLevel: "silent",
    });
    rows.push({ vendor, operation: app.op, browser, node, source, coldImportMs: importMs(whole) });
  }
  const baselineFile = `${TMP}empty.mjs`;
  writeFileSync(baselineFile, "export {};\n");
  const baselineMs = importMs(baselineFile);
  const undiciFile = `${TMP}undici-only.mjs`;
  writeFileSync(undiciFile, 'import "undici";\n');
  const undiciMs = importMs(undiciFile);
  console.table(
    rows.map((r) => ({
      vendor: r.vendor,
      op: r.operation,
      browserGzip: r.browser.gzip,
      nodeGzip: r.node.gzip,
      srcBrowserGzip: r.source.browser.gzip,
      srcNodeGzip: r.source.node.gzip,
      browserMin: r.browser.minified,
      lazyGzip: r.browser.lazyGzip,
      importMs: r.coldImportMs,
    })),
  );
  await writeResult("bundle", {
    benchmark: "bundle",
    date: new Date().toISOString(),
    node: process.version,
    method:
      "esbuild 0.28 bundle of `import { create<Vendor>Runtime, <op> }` from the built packages (dist/, as packed; `source` = the same from sources via @gen/source), minify + tree-shake, gzip -9; counted = statically loaded code; dynamic imports counted except the runtime modules loaded only on first use of what the call does not need (task status/wait, rules, downloads, vendor error classes, the network-error classifier loaded when a request fails, and on node the fetch transport loaded only for a client given options.fetch): those left external and reported as lazy (each bundled whole), not counted; node platform with undici external. Cold import: whole package (dist) bundled to one ESM file (undici external), `await import()` timed inside fresh node processes, median",
    target: { gzipBytes: LIMIT_BYTES },
    importRuns: IMPORTS,
    emptyModuleImportMs: baselineMs,
    undiciImportMs: undiciMs,
    rows,
  });
  rmSync(TMP, { recursive: true, force: true });
}

await main();
