import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/local-file-browser.ts", "src/local-file-node.ts"],
  external: ["#local-file"],
  format: ["esm"],
  dts: true,
  clean: true,
  target: "es2022",
  sourcemap: false,
  treeshake: true,
});
