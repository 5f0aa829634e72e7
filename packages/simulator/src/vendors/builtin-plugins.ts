import type { SimulatorPlugin } from "../types.js";
import { edrawmaxPlugin } from "./edrawmax.js";
import { imaPlugin } from "./ima.js";
import { mediaioPlugin } from "./mediaio.js";
import { tomovieePlugin } from "./tomoviee.js";

/** Built-in plugins by vendor id, applied by `startSimulator` unless `builtinPlugins: false`. */
export const builtinPlugins: Readonly<Record<string, SimulatorPlugin>> = {
  [edrawmaxPlugin.vendor]: edrawmaxPlugin,
  [imaPlugin.vendor]: imaPlugin,
  [mediaioPlugin.vendor]: mediaioPlugin,
  [tomovieePlugin.vendor]: tomovieePlugin,
};
