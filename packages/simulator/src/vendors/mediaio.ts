import { defineSimulatorPlugin } from "../define-simulator-plugin.js";
import type { SimulatorPlugin } from "../types.js";

/**
 * Media.io behaviour the model cannot express. The generic simulator covers auth, the `data`
 * body wrapper, validation, tasks and files from the model; here only which of the vendor's
 * several authentication codes a bad key gets (374004, per the vendor notes).
 */
export const mediaioPlugin: SimulatorPlugin = defineSimulatorPlugin({
  vendor: "mediaio",
  errorCodes: { authentication: 374004 },
});
