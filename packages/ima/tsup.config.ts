import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/manifest.ts", "src/local-file-browser.ts", "src/local-file-node.ts"],
  external: ["#local-file"],
  format: ["esm"],
  dts: false,
  clean: false, // scripts/build-package.mjs empties dist/ (tsc writes there at the same time)
  target: "es2022",
  sourcemap: false,
  treeshake: true,
});
