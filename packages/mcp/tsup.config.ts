import { defineConfig } from "tsup";
import { workspaceTsup } from "../../tsup.base.ts";

export default defineConfig({
  ...workspaceTsup,
  entry: ["src/index.ts"],
});
