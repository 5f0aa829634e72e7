import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEdrawmax } from "@gen/edrawmax";
import { createMediaio } from "@gen/mediaio";
import { type SimulatorGroup, startSimulators } from "@gen/simulator";
import { createTomoviee } from "@gen/tomoviee";
import { simEnv } from "./sim-env.js";

/** The create operation and a valid input per vendor; `marker` goes into the prompt. */
export const JOB_KINDS = [
  {
    vendor: "mediaio",
    operation: "t2vWanV26",
    input: (m: string) => ({ prompt: `<<${m}>> a fox`, size: "16:9" }),
  },
  {
    vendor: "tomoviee",
    operation: "textToMusic",
    input: (m: string) => ({ prompt: `<<${m}>> calm piano`, duration: 10, qty: 1 }),
  },
  {
    vendor: "edrawmax",
    operation: "generateFlowchart",
    input: (m: string) => ({ prompt: `<<${m}>> login flow` }),
  },
] as const;

/** Simulators of three vendors (fast tasks), a scratch directory and the env that points `gen` at them. */
export interface BatchSims {
  group: SimulatorGroup;
  cwd: string;
  env: Record<string, string>;
  /** Slows the next `times` creates of every vendor by `ms`, so a kill can land mid-create. */
  slowCreates(ms: number, times: number): void;
  /** Writes `count` jobs spread over the vendors to `jobs.jsonl`; returns its path. */
  writeJobs(count: number, name?: string): Promise<string>;
  /** Create requests that reached the simulators, per job id (a value above 1 is a double create). */
  createsByJob(): Map<string, number>;
  /** Creates the simulators accepted, all vendors. */
  acceptedCreates(): number;
  close(): Promise<void>;
}

/** A job's id, also written into its prompt, so the ledger tells which job each create was for. */
export const jobMarker = (file: string, n: number) =>
  `${file.replace(/\.jsonl$/, "")}.${String(n).padStart(4, "0")}`;

export async function batchSims(taskDurationMs = 60): Promise<BatchSims> {
  const group = await startSimulators(
    JOB_KINDS.map((k) => k.vendor),
    { taskDurationMs },
  );
  const cwd = await mkdtemp(join(tmpdir(), "gen-batch-"));
  const env: Record<string, string> = {};
  const auths = {
    mediaio: createMediaio().runtime.vendor.auth,
    tomoviee: createTomoviee().runtime.vendor.auth,
    edrawmax: createEdrawmax().runtime.vendor.auth,
  };
  for (const [vendor, sim] of Object.entries(group.simulators)) {
    Object.assign(env, simEnv(sim, auths[vendor as keyof typeof auths]));
    env[`GEN_${vendor.toUpperCase()}_BASE_URL`] = sim.baseUrl;
    const twins = Object.entries(sim.hosts).map(([host, origin]) => `${host}=${origin}`);
    if (twins.length > 0) env[`GEN_${vendor.toUpperCase()}_CONNECT_TO`] = twins.join(",");
  }
  const createOps = new Set<string>(JOB_KINDS.map((k) => k.operation));
  return {
    group,
    cwd,
    env,
    slowCreates(ms, times) {
      for (const kind of JOB_KINDS) {
        group.simulators[kind.vendor]?.faults.add({ kind: "delay", ms, operation: kind.operation, times });
      }
    },
    async writeJobs(count, name = "jobs.jsonl") {
      const lines = Array.from({ length: count }, (_, i) => {
        const kind = JOB_KINDS[i % JOB_KINDS.length]!;
        const marker = jobMarker(name, i);
        return JSON.stringify({
          id: marker,
          vendor: kind.vendor,
          operation: kind.operation,
          input: kind.input(marker),
        });
      });
      const path = join(cwd, name);
      await writeFile(path, `${lines.join("\n")}\n`);
      return path;
    },
    createsByJob() {
      const counts = new Map<string, number>();
      for (const sim of Object.values(group.simulators)) {
        for (const entry of sim.ledger.entries) {
          if (!entry.operationId || !createOps.has(entry.operationId)) continue;
          const marker = /<<([^>]+)>>/.exec(JSON.stringify(entry.body))?.[1];
          if (marker) counts.set(marker, (counts.get(marker) ?? 0) + 1);
        }
      }
      return counts;
    },
    acceptedCreates() {
      return Object.values(group.simulators).reduce((n, sim) => n + sim.ledger.createCount(), 0);
    },
    close: () => group.close(),
  };
}
