import type { VendorManifest } from "@gen/runtime";
import { generatedManifest } from "./manifest.gen.js";

/** This package's manifest: the generated part, plus any hand-written CLI entry points or simulator plugin. */
export const manifest: VendorManifest = { ...generatedManifest };
