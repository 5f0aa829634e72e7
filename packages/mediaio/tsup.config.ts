import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/**/*.ts", "!src/**/*.test.ts", "!src/**/__fixtures__/**"],
  bundle: false,
  format: ["esm"],
  dts: false,
  clean: false, // scripts/build-package.mjs empties dist/ (tsc writes there at the same time)
  target: "es2022",
  sourcemap: false,
});
