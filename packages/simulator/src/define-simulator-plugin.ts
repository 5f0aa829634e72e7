import type { SimulatorPlugin } from "./types.js";

/** Identity helper that types a simulator plugin (see README "Plugin hook"). */
export function defineSimulatorPlugin(plugin: SimulatorPlugin): SimulatorPlugin {
  return plugin;
}
