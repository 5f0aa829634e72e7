import type { VendorManifest } from "@gen/runtime";
import { generatedManifest } from "./manifest.gen.js";

/**
 * This package's manifest: the generated part, plus the video flows the `gen` CLI offers next to the
 * operations (`imaEntryPoints`, priced by `imaCost` for batch budgets) and the simulator plugin for
 * what the model cannot express (products, uploads, credit checks).
 */
export const manifest: VendorManifest = {
  ...generatedManifest,
  cli: { entryPoints: "imaEntryPoints", cost: "imaCost" },
  simulator: { plugin: "@gen/simulator/vendors/ima" },
  example: {
    operation: "text_to_video",
    input: { model: "wan2.6", prompt: "a lighthouse at dusk, waves crashing" },
    creates: "createTask",
  },
};
