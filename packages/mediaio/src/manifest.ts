import type { VendorManifest } from "@gen/runtime";
import { generatedManifest } from "./manifest.gen.js";

/** This package's manifest: the generated part, plus the simulator plugin for what the model cannot express. */
export const manifest: VendorManifest = {
  ...generatedManifest,
  simulator: { plugin: "@gen/simulator/vendors/mediaio" },
  example: {
    operation: "t2v-wan-v2-6",
    input: { prompt: "a red fox running through fresh snow" },
    creates: "t2vWanV26",
  },
};
