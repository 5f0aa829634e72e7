import { posix } from "node:path";
import type { EmitContext } from "./emit-context.js";

/** What `package.json` depends on and ships besides the code. */
export interface PackageJsonDeps {
  runtimeRange: string;
  zodRange: string;
  /** List and export the normalised model `openapi.gen.json` (gen.config `shipModel`). */
  shipModel: boolean;
  /** gen.config `packageJson`. */
  extra?: Record<string, unknown> | undefined;
}

/** `package.json` of the vendor package (exports types-first, `@gen/source`, `sideEffects: false`). */
export function emitPackageJson(ctx: EmitContext, version: string, deps: PackageJsonDeps): string {
  const { runtimeRange, zodRange, shipModel, extra = {} } = deps;
  const pkg = {
    name: ctx.vendor.packageName,
    version,
    description: `Typed SDK for the ${ctx.vendor.displayName} API (generated).`,
    license: "MIT",
    type: "module",
    sideEffects: false,
    exports: {
      ".": { "@gen/source": "./src/index.ts", types: "./dist/index.d.ts", default: "./dist/index.js" },
      "./manifest": {
        "@gen/source": "./src/manifest.ts",
        types: "./dist/manifest.d.ts",
        default: "./dist/manifest.js",
      },
      ...(shipModel ? { "./openapi.json": "./openapi.gen.json" } : {}),
      "./package.json": "./package.json",
    },
    main: "./dist/index.js",
    types: "./dist/index.d.ts",
    files: [
      "dist",
      "src",
      ...(shipModel ? ["openapi.gen.json"] : []),
      "!src/**/*.test.ts",
      "!src/**/__fixtures__",
    ],
    scripts: {
      build: `node ${posix.join(posix.relative(ctx.outDir, ".") || ".", "scripts/build-package.mjs")}`,
      typecheck: "tsc -p tsconfig.json",
      test: `cd ${posix.relative(ctx.outDir, ".") || "."} && node scripts/test.mjs ${ctx.outDir}`,
      "lint:package": "publint && attw --pack . --profile esm-only",
    },
    engines: { node: "^20.19.0 || >=22.12.0" },
    dependencies: { "@gen/runtime": runtimeRange, zod: zodRange },
  };
  return JSON.stringify(withExtra(pkg, extra), null, 2) + "\n";
}

/**
 * gen.config `packageJson` over the generated fields: top-level keys replace, except `exports`,
 * whose entries are added (a vendor's own subpaths, e.g. `./simulator`, next to `.` and `./manifest`).
 */
export function withExtra(
  pkg: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const exports = extra.exports;
  if (typeof exports !== "object" || exports === null) return { ...pkg, ...extra };
  return { ...pkg, ...extra, exports: { ...(pkg.exports as object), ...exports } };
}

/** `tsconfig.json` extending the repository base. */
export function emitTsconfig(ctx: EmitContext): string {
  const base = posix.join(posix.relative(ctx.outDir, ".") || ".", "tsconfig.base.json");
  return JSON.stringify({ extends: base, include: ["src", "test"] }, null, 2) + "\n";
}

/**
 * `tsconfig.build.json`: declarations of src/ into dist/ (the repository's tsconfig.dts.json).
 * Generated code annotates every export, so its declarations need neither Node's nor the DOM's
 * types: leaving them out makes a vendor package's declaration step about a third cheaper.
 */
export function emitTsconfigBuild(ctx: EmitContext): string {
  const base = posix.join(posix.relative(ctx.outDir, ".") || ".", "tsconfig.dts.json");
  // Written the way the formatter (biome) lays it out.
  return `{\n  "extends": ${JSON.stringify(base)},\n  "compilerOptions": { "types": [], "lib": ["ES2022"] }\n}\n`;
}

/**
 * `tsup.config.ts`: the ESM build. In this workspace declarations come from `tsc` (see
 * emitTsconfigBuild); a standalone package (no workspace scripts) has tsup write them. One output
 * module per source module (`bundle: false`): a user's bundler tree-shakes `dist/` the way it does
 * the sources ("sideEffects": false; a bundled file keeps every operation through the namespace
 * export), and the variants behind the package's `imports` map (`#name` -> node / browser file)
 * stay separate files, picked when the package is resolved, not when it is built.
 */
export function emitTsupConfig(standalone = false): string {
  return `import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/**/*.ts", "!src/**/*.test.ts", "!src/**/__fixtures__/**"],
  bundle: false,
  format: ["esm"],
  ${
    standalone
      ? "dts: true,\n  clean: true,"
      : "dts: false,\n  clean: false, // scripts/build-package.mjs empties dist/ (tsc writes there at the same time)"
  }
  target: "es2022",
  sourcemap: false,
});
`;
}
