import { type Simulator, startSimulator } from "@gen/simulator";
import { createIma, type ImaVideoClient, type ImaVideoOptions } from "../../src/index.js";
import { routeFetch, type SeenRequest } from "./route-fetch.js";

/** A simulator plus clients that talk to it under the vendor's real host names. */
export interface ImaHarness {
  sim: Simulator;
  client: ImaVideoClient;
  seen: SeenRequest[];
  clientWith(options: ImaVideoOptions): ImaVideoClient;
  /** Change the simulator's live product list (price revision, extra rule attributes). */
  reprice(body: { revision?: number; extraAttribute?: string[] }): Promise<void>;
  /** Creates the simulator accepted (task ids). */
  creates(): SeenRequest[];
  close(): Promise<void>;
}

/** Fast polling for tests (the vendor's cadence is 8 s). */
export const FAST_WAIT = { minDelayMs: 1, maxDelayMs: 5 } as const;

/** Starts the IMA simulator (packages/ima/openapi.gen.json + the ima plugin) and a client for it. */
export async function startIma(taskDurationMs = 30, clock?: () => number): Promise<ImaHarness> {
  const sim = await startSimulator({ vendor: "ima", taskDurationMs, ...(clock ? { clock } : {}) });
  const seen: SeenRequest[] = [];
  const clientWith = (options: ImaVideoOptions) =>
    createIma({
      apiKey: sim.credentials["apiKey"]!,
      fetch: routeFetch(sim.rewriteUrl, seen),
      env: {},
      retry: { baseDelayMs: 1, maxDelayMs: 3 },
      ...options,
    });
  return {
    sim,
    seen,
    client: clientWith({}),
    clientWith,
    async reprice(body) {
      const res = await fetch(`${sim.origin}/_ima/products`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`reprice failed: ${res.status}`);
    },
    creates: () => seen.filter((r) => r.url.endsWith("/open/v1/tasks/create")),
    close: () => sim.close(),
  };
}
