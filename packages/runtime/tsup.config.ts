import { defineConfig } from "tsup";
import { workspaceTsup } from "../../tsup.base.ts";

export default defineConfig({
  ...workspaceTsup,
  // One output module per source module (no bundling): a user's bundler then tree-shakes dist/ the
  // way it does the sources ("sideEffects": false), and the lazily imported modules stay separate.
  // The `#default-transport` / `#classify-network-error` / `#write-file` import maps pick their
  // variant when the package is resolved, not when it is built.
  entry: ["src/**/*.ts", "!src/**/*.test.ts", "!src/**/__fixtures__/**"],
  bundle: false,
  treeshake: false,
});
