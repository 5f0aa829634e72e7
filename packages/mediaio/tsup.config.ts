import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/manifest.ts"],
  format: ["esm"],
  dts: false,
  clean: false, // scripts/build-package.mjs empties dist/ (tsc writes there at the same time)
  target: "es2022",
  sourcemap: false,
  treeshake: true,
});
