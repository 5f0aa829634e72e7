import { posix } from "node:path";
import type { EmitContext } from "./emit-context.js";

/** `package.json` of the vendor package (exports types-first, `@gen/source`, `sideEffects: false`). */
export function emitPackageJson(
  ctx: EmitContext,
  version: string,
  runtimeRange: string,
  zodRange: string,
  extra: Record<string, unknown> = {},
): string {
  const pkg = {
    name: ctx.vendor.packageName,
    version,
    description: `Typed SDK for the ${ctx.vendor.displayName} API (generated).`,
    license: "MIT",
    type: "module",
    sideEffects: false,
    exports: {
      ".": { "@gen/source": "./src/index.ts", types: "./dist/index.d.ts", default: "./dist/index.js" },
      "./openapi.json": "./openapi.gen.json",
      "./package.json": "./package.json",
    },
    main: "./dist/index.js",
    types: "./dist/index.d.ts",
    files: ["dist", "src", "openapi.gen.json", "!src/**/*.test.ts", "!src/**/__fixtures__"],
    scripts: {
      build: "tsup",
      typecheck: "tsc -p tsconfig.json",
      test: `cd ${posix.relative(ctx.outDir, ".") || "."} && node scripts/test.mjs ${ctx.outDir}`,
      "lint:package": "publint && attw --pack . --profile esm-only",
    },
    engines: { node: ">=20" },
    dependencies: { "@gen/runtime": runtimeRange, zod: zodRange },
  };
  return JSON.stringify({ ...pkg, ...extra }, null, 2) + "\n";
}

/** `tsconfig.json` extending the repository base. */
export function emitTsconfig(ctx: EmitContext): string {
  const base = posix.join(posix.relative(ctx.outDir, ".") || ".", "tsconfig.base.json");
  return JSON.stringify({ extends: base, include: ["src", "test"] }, null, 2) + "\n";
}

/** `tsup.config.ts`: ESM build with declarations. */
export function emitTsupConfig(): string {
  return `import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  clean: true,
  target: "es2022",
  sourcemap: false,
  treeshake: true,
});
`;
}
