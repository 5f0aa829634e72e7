import type { VendorManifest } from "@gen/runtime";
import { generatedManifest } from "./manifest.gen.js";

/** This package's manifest: the generated part, plus the simulator plugin for what the model cannot express. */
export const manifest: VendorManifest = {
  ...generatedManifest,
  simulator: { plugin: "@gen/simulator/vendors/edrawmax" },
  example: {
    operation: "generateFlowchart",
    input: { prompt: "user sign-up with email verification", lang: "en" },
    creates: "generateFlowchart",
  },
};
