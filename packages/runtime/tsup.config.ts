import { defineConfig } from "tsup";

export default defineConfig({
  // One output module per source module (no bundling): a user's bundler then tree-shakes dist/ the
  // way it does the sources ("sideEffects": false), and the lazily imported modules stay separate.
  // The `#default-transport` / `#classify-network-error` / `#write-file` import maps pick their
  // variant when the package is resolved, not when it is built.
  entry: ["src/**/*.ts", "!src/**/*.test.ts", "!src/**/__fixtures__/**"],
  bundle: false,
  format: ["esm"],
  dts: false,
  clean: false, // scripts/build-package.mjs empties dist/ (tsc writes there at the same time)
  target: "es2022",
  sourcemap: false,
});
