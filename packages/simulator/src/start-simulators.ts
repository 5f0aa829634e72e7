import { startSimulator } from "./start-simulator.js";
import type { Simulator, SimulatorOptions } from "./types.js";

/** Several simulators started together. */
export interface SimulatorGroup {
  simulators: Record<string, Simulator>;
  close(): Promise<void>;
}

/** Starts one simulator per vendor id (models from the workspace), sharing the other options. */
export async function startSimulators(
  vendors: readonly string[],
  options: Omit<SimulatorOptions, "vendor" | "model" | "modelPath" | "port"> = {},
): Promise<SimulatorGroup> {
  const started = await Promise.allSettled(vendors.map((vendor) => startSimulator({ ...options, vendor })));
  const ok = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) {
    await Promise.all(ok.map((s) => s.close()));
    throw failed.reason;
  }
  return {
    simulators: Object.fromEntries(ok.map((s) => [s.vendorId, s])),
    close: () => Promise.all(ok.map((s) => s.close())).then(() => undefined),
  };
}
