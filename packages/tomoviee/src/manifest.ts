import type { VendorManifest } from "@gen/runtime";
import { generatedManifest } from "./manifest.gen.js";

/** This package's manifest: the generated part, plus the simulator plugin for what the model cannot express. */
export const manifest: VendorManifest = {
  ...generatedManifest,
  simulator: { plugin: "@gen/simulator/vendors/tomoviee" },
  example: {
    operation: "tm_text2video_b",
    input: { prompt: "a paper boat drifting down a rainy street" },
    creates: "textToVideo",
  },
};
