import type { GenModel } from "@gen/spec";
import { syntaxErrors } from "./check-syntax.js";
import { emitClient } from "./emit-client.js";
import { emitConstants } from "./emit-constants.js";
import { createEmitContext } from "./emit-context.js";
import { emitEnums } from "./emit-enums.js";
import { emitIndex } from "./emit-index.js";
import { emitManifest, MANIFEST_SEED } from "./emit-manifest.js";
import { emitModelJson } from "./emit-model-json.js";
import { emitOperations } from "./emit-operations.js";
import { emitPackageJson, emitTsconfig, emitTsconfigBuild, emitTsupConfig } from "./emit-package-files.js";
import { emitReadme } from "./emit-readme.js";
import { emitSchemas } from "./emit-schemas.js";
import { emitStandalonePackageJson, emitStandaloneTsconfig } from "./emit-standalone-package.js";
import { emitTypes } from "./emit-types.js";
import { emitValidators } from "./emit-validators.js";
import { emitVendor } from "./emit-vendor.js";

/** Inputs of one vendor package emission. */
export interface EmitPackageOptions {
  model: GenModel;
  /** Catalog path for headers (relative to the repository root, posix). */
  catalog: string;
  /** Package directory relative to the repository root (posix). */
  outDir: string;
  /**
   * The committed package.json's version: wins over `x-gen-vendor.packageVersion`, so a version
   * written by `changeset version` survives regeneration.
   */
  version?: string;
  /**
   * The `@gen/runtime` dependency range (a semver range, so `npm pack` output installs); the
   * committed package.json's range wins so `changeset version` bumps survive. Default `^0.1.0`.
   */
  runtimeRange?: string;
  /** Extra package.json fields (top-level keys replaced). */
  packageJson?: Record<string, unknown>;
  /**
   * Skip openapi-typescript's wire types (`wire.gen.ts`, the `Wire` export): gen.config
   * `"wireTypes": false`; also benchmarks of the source emitter alone.
   */
  skipWire?: boolean;
  /**
   * The package lives outside this kind of workspace (no `tsconfig.base.json` at the config root):
   * real dependency ranges instead of `workspace:*`, a self-contained tsconfig, its own build tools.
   */
  standalone?: boolean;
  /**
   * Ship the normalised model `openapi.gen.json` in the package (gen.config `"shipModel": true`).
   * Without it the model is still returned (`model`), for the changeset differ, but not written.
   */
  shipModel?: boolean;
}

/** Emitted files keyed by path relative to the package directory; `src/index.ts` only as a seed. */
export interface EmittedPackage {
  files: Map<string, string>;
  /** Written only when missing (hand-written afterwards). */
  seeds: Map<string, string>;
  /** The normalised model's `openapi.gen.json` text (in `files` too when the package ships it). */
  model: string;
}

/** Emits every file of a vendor package in memory (nothing is written). Throws on a syntax error. */
export async function emitPackage(options: EmitPackageOptions): Promise<EmittedPackage> {
  const { model, catalog, outDir } = options;
  const ctx = createEmitContext(model, catalog, outDir);
  const src = new Map<string, string>();
  src.set("types.gen.ts", emitTypes(ctx));
  src.set("schemas.gen.ts", emitSchemas(ctx));
  src.set("operations.gen.ts", emitOperations(ctx));
  src.set("validators.gen.ts", emitValidators(ctx));
  src.set("vendor.gen.ts", emitVendor(ctx));
  src.set("client.gen.ts", emitClient(ctx));
  const enums = emitEnums(ctx);
  if (enums) src.set("enums.gen.ts", enums);
  const constants = emitConstants(ctx);
  if (constants) src.set("constants.gen.ts", constants);
  // openapi-typescript (and the TypeScript compiler under it, ~0.6 s to load) only when wanted.
  if (!options.skipWire) src.set("wire.gen.ts", (await import("./emit-wire.js")).emitWire(model, catalog));
  const modules = [...src.keys()].filter((m) => m !== "wire.gen.ts").sort();
  src.set("manifest.gen.ts", emitManifest(ctx));
  src.set("index.gen.ts", emitIndex(ctx, modules, !options.skipWire));
  const files = new Map<string, string>();
  const errors: string[] = [];
  for (const name of [...src.keys()].sort()) {
    const text = src.get(name) as string;
    if (name !== "wire.gen.ts") errors.push(...syntaxErrors(`${outDir}/src/${name}`, text));
    files.set(`src/${name}`, text);
  }
  if (errors.length) throw new Error(`emitted code does not parse (generator bug):\n${errors.join("\n")}`);
  const shipModel = options.shipModel === true;
  const version = options.version ?? model["x-gen-vendor"].packageVersion ?? "0.1.0";
  files.set("README.md", emitReadme(ctx));
  if (options.standalone) {
    files.set("package.json", emitStandalonePackageJson(ctx, version, shipModel, options.packageJson));
    files.set("tsconfig.json", emitStandaloneTsconfig());
  } else {
    files.set(
      "package.json",
      emitPackageJson(ctx, version, {
        runtimeRange: options.runtimeRange ?? "^0.1.0",
        zodRange: "^4.6.7",
        shipModel,
        extra: options.packageJson,
      }),
    );
    files.set("tsconfig.json", emitTsconfig(ctx));
    files.set("tsconfig.build.json", emitTsconfigBuild(ctx));
  }
  files.set("tsup.config.ts", emitTsupConfig(options.standalone === true));
  const modelJson = emitModelJson(model, catalog);
  if (shipModel) files.set("openapi.gen.json", modelJson);
  const seeds = new Map([
    ["src/index.ts", `export * from "./index.gen.js";\n`],
    ["src/manifest.ts", MANIFEST_SEED],
  ]);
  return { files, seeds, model: modelJson };
}
