import type { Options } from "tsup";

/**
 * The tsup options every hand-written workspace package builds with. `scripts/build-package.mjs`
 * runs tsup for the JS only; it empties dist/ and writes the declarations itself. Generated vendor
 * packages get their own complete config from the generator (they build outside this repo too).
 */
export const workspaceTsup: Options = {
  format: ["esm"],
  dts: false,
  clean: false,
  target: "es2022",
  sourcemap: false,
  treeshake: true,
};
