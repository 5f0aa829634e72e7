import { defineConfig } from "tsup";
import { workspaceTsup } from "../../tsup.base.ts";

export default defineConfig({
  ...workspaceTsup,
  // Each vendor plugin is its own entry: vendor manifests name them (`@gen/simulator/vendors/ima`).
  entry: ["src/index.ts", "src/vendors/*.ts"],
});
