import { defineConfig } from "tsup";

export default defineConfig({
  // Each vendor plugin is its own entry: vendor manifests name them (`@gen/simulator/vendors/ima`).
  entry: ["src/index.ts", "src/vendors/*.ts"],
  format: ["esm"],
  dts: false,
  clean: false, // scripts/build-package.mjs empties dist/ (tsc writes there at the same time)
  target: "es2022",
  sourcemap: false,
  treeshake: true,
});
