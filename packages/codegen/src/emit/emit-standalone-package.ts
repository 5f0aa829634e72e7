import type { EmitContext } from "./emit-context.js";
import { emitPackageJson, withExtra } from "./emit-package-files.js";

/** Published ranges a package outside this repository depends on (the runtime's and zod's). */
export const STANDALONE_RANGES = { runtime: "^0.1.0", zod: "^4.6.7", tsup: "8.5.1", typescript: "5.9.3" };

/**
 * `package.json` of a package generated outside this repository's workspace: `@gen/runtime` and
 * zod with real ranges, build tools as devDependencies, no scripts that need this repository.
 */
export function emitStandalonePackageJson(
  ctx: EmitContext,
  version: string,
  shipModel: boolean,
  extra: Record<string, unknown> = {},
): string {
  const pkg = JSON.parse(
    emitPackageJson(ctx, version, {
      runtimeRange: STANDALONE_RANGES.runtime,
      zodRange: STANDALONE_RANGES.zod,
      shipModel,
    }),
  ) as Record<string, unknown>;
  pkg.scripts = { build: "tsup", typecheck: "tsc -p tsconfig.json", prepack: "tsup" };
  pkg.devDependencies = { tsup: STANDALONE_RANGES.tsup, typescript: STANDALONE_RANGES.typescript };
  return `${JSON.stringify(withExtra(pkg, extra), null, 2)}\n`;
}

/** A self-contained `tsconfig.json` (nothing to extend outside the package). */
export function emitStandaloneTsconfig(): string {
  const compilerOptions = {
    target: "ES2022",
    lib: ["ES2022", "DOM"],
    module: "ESNext",
    moduleResolution: "Bundler",
    strict: true,
    noUncheckedIndexedAccess: true,
    isolatedModules: true,
    verbatimModuleSyntax: true,
    skipLibCheck: true,
    resolveJsonModule: true,
    declaration: true,
    noEmit: true,
  };
  return `${JSON.stringify({ compilerOptions, include: ["src"] }, null, 2)}\n`;
}
