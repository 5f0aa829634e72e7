import type { ClientOptions, RetryInfo } from "@gen/runtime";
import { createEdrawmax, type EdrawmaxClient } from "../../src/index.js";
import { routeFetch } from "./route-fetch.js";
import { type Simulator, startSimulator } from "./simulator.js";

/** A simulator plus a client that talks to it under the vendor's real host names. */
export interface EdrawmaxHarness {
  sim: Simulator;
  client: EdrawmaxClient;
  /** Every URL the client's fetch was asked for (real host names, before routing). */
  seen: string[];
  retries: RetryInfo[];
  /** Another client on the same simulator, with extra options. */
  clientWith(options: ClientOptions & { stripContentLength?: boolean }): EdrawmaxClient;
  close(): Promise<void>;
}

/** Starts the EdrawMax simulator (from packages/edrawmax/openapi.gen.json) and a client for it. */
export async function startEdrawmax(): Promise<EdrawmaxHarness> {
  const sim = await startSimulator({ vendor: "edrawmax" });
  const seen: string[] = [];
  const retries: RetryInfo[] = [];
  const clientWith = ({ stripContentLength, ...options }: ClientOptions & { stripContentLength?: boolean }) =>
    createEdrawmax({
      fetch: routeFetch(sim.rewriteUrl, seen, { stripContentLength: stripContentLength ?? false }),
      ...options,
      retry: {
        baseDelayMs: 1,
        maxDelayMs: 3,
        onRetry: (info) => {
          retries.push(info);
        },
        ...options.retry,
      },
    });
  return { sim, client: clientWith({}), seen, retries, clientWith, close: () => sim.close() };
}
