import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createEdrawmax } from "@gen/edrawmax";
import { createIma } from "@gen/ima";
import { createMediaio } from "@gen/mediaio";
import { type Simulator, startSimulator } from "@gen/simulator";
import { createTomoviee } from "@gen/tomoviee";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ROOT } from "./run-gen.js";
import { simEnv } from "./sim-env.js";

/** Task durations of the simulators (their clocks are stepped by hand: nothing waits on time). */
export const TASK_MS = 10_000;

/** A manual clock shared by the simulators. */
export function manualClock(start = 1_000_000) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const AUTH = {
  mediaio: () => createMediaio().runtime.vendor.auth,
  tomoviee: () => createTomoviee().runtime.vendor.auth,
  edrawmax: () => createEdrawmax().runtime.vendor.auth,
  ima: () => createIma().runtime.vendor.auth,
} as const;

export type VendorId = keyof typeof AUTH;

/** One simulator per vendor on a shared manual clock, and the environment `gen mcp` needs for them. */
export async function startSims(clock: { now: () => number }) {
  const ids = Object.keys(AUTH) as VendorId[];
  const sims = Object.fromEntries(
    await Promise.all(
      ids.map(async (id) => [
        id,
        await startSimulator({ vendor: id, clock: clock.now, taskDurationMs: TASK_MS }),
      ]),
    ),
  ) as Record<VendorId, Simulator>;
  const env: Record<string, string> = {};
  for (const id of ids) {
    const sim = sims[id];
    Object.assign(env, simEnv(sim, AUTH[id]()));
    env[`GEN_${id.toUpperCase()}_BASE_URL`] = sim.baseUrl;
    const hosts = Object.entries(sim.hosts).map(([host, origin]) => `${host}=${origin}`);
    if (hosts.length > 0) env[`GEN_${id.toUpperCase()}_CONNECT_TO`] = hosts.join(",");
  }
  return { sims, env, close: () => Promise.all(ids.map((id) => sims[id].close())) };
}

const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/** `node ... bin.ts mcp ...args`: one process (tsx as a loader, not a wrapper), so its pid is the server's. */
export function mcpArgv(args: readonly string[]): string[] {
  return ["--conditions=@gen/source", "--import", TSX, join(ROOT, "packages/cli/src/bin.ts"), "mcp", ...args];
}

/** Environment with no credential of the developer's shell, plus `extra`. */
export function serverEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !/KEY|SECRET|TOKEN|^GEN_/.test(k)) env[k] = v;
  return { ...env, ...extra };
}

const started = new Set<number>();

/** Kills every server a test started and left running (a failed or timed-out test skips its `finally`). */
export function killStartedServers(): void {
  for (const pid of started) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  started.clear();
}

/** Starts `gen mcp` over stdio and connects the official client to it. */
export async function connectStdio(env: Record<string, string>, args: readonly string[] = []) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: mcpArgv(["--poll-ms", "20", ...args]),
    env: serverEnv(env),
    cwd: ROOT,
    stderr: "pipe",
  });
  const client = new Client({ name: "test", version: "1" }, { capabilities: { tasks: {} } as never });
  await client.connect(transport);
  if (transport.pid !== null) started.add(transport.pid);
  return { client, transport, pid: transport.pid as number };
}

/** Starts `gen mcp --http` and connects the official client over Streamable HTTP. */
export async function connectHttp(env: Record<string, string>) {
  const child = spawn(process.execPath, mcpArgv(["--http", "--poll-ms", "20"]), {
    cwd: ROOT,
    env: serverEnv(env),
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /^mcp: (\S+)$/m.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once("exit", (code) => reject(new Error(`gen mcp --http exited (${code})`)));
  });
  const client = new Client({ name: "test", version: "1" }, { capabilities: { tasks: {} } as never });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  const exited = new Promise((r) => child.once("exit", r));
  return {
    client,
    url,
    async close() {
      await client.close();
      child.kill("SIGTERM");
      await exited;
    },
  };
}
