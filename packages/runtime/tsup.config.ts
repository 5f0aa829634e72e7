import { defineConfig } from "tsup";

export default defineConfig({
  // The two default-transport variants are separate entries, picked at resolve time by the
  // `#default-transport` import map (node -> undici, everything else -> fetch); never inlined.
  entry: [
    "src/index.ts",
    "src/default-transport.ts",
    "src/default-transport.node.ts",
    "src/undici-transport.ts",
    // `#classify-network-error` import map: browser -> a build without the Node/undici code tables.
    "src/classify-network-error.ts",
    "src/classify-network-error.browser.ts",
    // `#write-file` import map: node/bun/deno -> the fs writer, everything else -> a stub.
    "src/download/write-file-node.ts",
    "src/download/write-file-browser.ts",
  ],
  external: ["#default-transport", "#write-file", "#classify-network-error", "undici"],
  format: ["esm"],
  dts: false,
  clean: false, // scripts/build-package.mjs empties dist/ (tsc writes there at the same time)
  target: "es2022",
  sourcemap: false,
  treeshake: true,
});
