import { join } from "node:path";
import { type Simulator, startSimulator } from "@gen/simulator";
import { afterAll, beforeAll } from "vitest";
import { createMediaio } from "../../src/index.js";

/** Starts the Media.io simulator (the shipped model) for this test file; stops it afterwards. */
export function useMediaioSimulator(): {
  sim: () => Simulator;
  client: () => ReturnType<typeof createMediaio>;
} {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({
      modelPath: join(import.meta.dirname, "../../openapi.gen.json"),
      taskDurationMs: 30,
    });
  });
  afterAll(() => sim.close());
  return {
    sim: () => sim,
    client: () =>
      createMediaio({
        baseUrl: sim.baseUrl,
        apiKey: String(sim.credentials.apiKey),
        allowInsecureLoopback: true,
      }),
  };
}
