import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMediaio } from "@gen/mediaio";
import { type Simulator, startSimulator } from "@gen/simulator";
import { type GenResult, runGen } from "./run-gen.js";
import { simEnv } from "./sim-env.js";

/** The catalog's model_code of Wan 2.6 text-to-video: the CLI finds the generated `t2vWanV26`. */
export const TASK_OP = "t2v-wan-v2-6";

/** A private mediaio simulator, a scratch directory, and `gen` bound to both. */
export interface MediaioSim {
  sim: Simulator;
  cwd: string;
  env: Record<string, string>;
  /** Runs `gen ...args --base-url <sim> --poll-ms 25` in the scratch directory. */
  gen(...args: string[]): Promise<GenResult>;
  close(): Promise<void>;
}

/**
 * Starts one; each test owns its simulator, so tests can run concurrently. `clock` replaces the
 * wall clock (see `steppingClock`, `manualClock`) so that how far a task gets never depends on how
 * fast a loaded machine runs the test.
 */
export async function mediaioSim(taskDurationMs = 100, clock?: () => number): Promise<MediaioSim> {
  const sim = await startSimulator({ vendor: "mediaio", taskDurationMs, ...(clock ? { clock } : {}) });
  const cwd = await mkdtemp(join(tmpdir(), "gen-cli-"));
  const env = simEnv(sim, createMediaio().runtime.vendor.auth);
  return {
    sim,
    cwd,
    env,
    gen: (...args) => runGen([...args, "--base-url", sim.baseUrl, "--poll-ms", "25"], { cwd, env }),
    close: () => sim.close(),
  };
}

/** A clock that moves `stepMs` each time it is read: a task takes a fixed number of polls, whatever the load. */
export function steppingClock(stepMs: number): () => number {
  let now = 0;
  return () => (now += stepMs);
}

/** A clock that stands still until the test moves it. */
export function manualClock(): { now: () => number; advance(ms: number): void } {
  let now = 0;
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
  };
}
