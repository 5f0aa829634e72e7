import { type AuthDefinition, type HostsDefinition, hostMatches } from "@gen/runtime";
import type { Simulator } from "@gen/simulator";
import { CliError, usageError } from "../cli-error.js";
import { type CliIo, interruption, printJson, println } from "../cli-io.js";
import { discoverVendors } from "../discover-vendors.js";
import { requireVendorEntry } from "../open-vendor.js";
import { boolFlag, parseCommandArgs, stringFlag } from "../parse-command-args.js";
import { simulatorSource } from "../simulator-source.js";
import { loadVendor, type VendorEntry } from "../vendors.js";

/** `gen mock [VENDOR...] [--port N] [--task-ms MS] [--json]`: runs simulators until Ctrl-C. */
export async function mockCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs("mock", args, {
    port: { type: "string", short: "p" },
    "task-ms": { type: "string" },
    json: { type: "boolean" },
  });
  const entries = await selectVendors(io.cwd, parsed.positionals);
  const port = intFlag(stringFlag(parsed, "port"), "--port", 0, 65535);
  const taskMs = intFlag(stringFlag(parsed, "task-ms"), "--task-ms", 0, 3_600_000);
  const json = boolFlag(parsed, "json");
  const { startSimulator } = await import("@gen/simulator");

  const running: Simulator[] = [];
  const stop = async () => {
    await Promise.all(running.map((s) => s.close()));
  };
  try {
    for (const [index, entry] of entries.entries()) {
      const source = await simulatorSource(entry).catch((error: unknown) => {
        // Every vendor asked for implicitly: one without a model is skipped with a line saying why.
        if (parsed.positionals.length > 0 || !(error instanceof CliError)) throw error;
        println(io.stderr, `skipped ${entry.id}: ${error.message}`);
        return undefined;
      });
      if (!source) continue;
      const sim = await startSimulator({
        ...source,
        ...(port ? { port: port + index, extraPortsFrom: extraPortsFrom(port, entries.length, index) } : {}),
        seed: index + 1,
        ...(taskMs === undefined ? {} : { taskDurationMs: taskMs }),
      });
      running.push(sim);
      const env = await envLines(entry, sim);
      if (json) printJson(io.stdout, { type: "simulator", vendor: entry.id, baseUrl: sim.baseUrl, env });
      else printSimulator(io, entry, sim, env);
    }
  } catch (error) {
    await stop();
    if ((error as { code?: string }).code === "EADDRINUSE") {
      throw usageError(
        `--port: a port from ${port} on is already in use`,
        "Pick another --port, or omit it.",
      );
    }
    throw error;
  }
  const interrupted = interruption(io);
  if (json) printJson(io.stdout, { type: "ready" });
  else println(io.stdout, "Simulators running. Press Ctrl-C to stop.");
  await interrupted;
  await stop();
  return 0;
}

async function selectVendors(cwd: string, ids: readonly string[]): Promise<VendorEntry[]> {
  if (ids.length === 0) return discoverVendors(cwd);
  return Promise.all(ids.map((id) => requireVendorEntry(cwd, id)));
}

/** `NAME=value` lines for the simulator's credentials and base URL. */
export async function envLines(entry: VendorEntry, sim: Simulator): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  const loaded = await loadVendor(entry);
  const auth = loaded?.create({}).runtime.vendor.auth;
  for (const credential of credentialsOf(auth)) {
    const value = sim.credentials[credential.option];
    const name = credential.env[0];
    if (value !== undefined && name !== undefined) env[name] = value;
  }
  env[`GEN_${entry.id.toUpperCase()}_BASE_URL`] = sim.baseUrl;
  // Only hosts the SDK may contact: the simulators' test fixtures (a hostile off-list host) are
  // served but never advertised.
  const vendorHosts = vendorHostList(loaded?.create({}).runtime.vendor.hosts);
  const hosts = Object.entries(sim.hosts)
    .filter(([host]) => hostMatches(host, vendorHosts))
    .map(([host, origin]) => `${host}=${origin}`);
  if (hosts.length > 0) env[`GEN_${entry.id.toUpperCase()}_CONNECT_TO`] = hosts.join(",");
  return env;
}

function vendorHostList(hosts: HostsDefinition | undefined): string[] {
  if (!hosts) return [];
  return [...hosts.api, ...(hosts.results ?? []), ...(hosts.uploads ?? []), ...(hosts.credentialed ?? [])];
}

/**
 * With `--port P`, vendor i listens on P + i and its extra hosts (file, upload hosts) on
 * P + vendors + 8 * i onwards: the same ports on every start, so printed lines stay valid.
 */
export function extraPortsFrom(port: number, vendors: number, index: number): number {
  return port + vendors + 8 * index;
}

/** The credentials an auth definition needs (key and secret for basic auth). */
export function credentialsOf(
  auth: AuthDefinition | undefined,
): { readonly option: string; readonly env: readonly string[] }[] {
  if (!auth || auth.type === "none") return [];
  if (auth.type === "basic") return [auth.key, auth.secret];
  return [auth.credential];
}

function printSimulator(io: CliIo, entry: VendorEntry, sim: Simulator, env: Record<string, string>): void {
  println(io.stdout, `${entry.id.padEnd(9)} ${sim.baseUrl}`);
  for (const [name, value] of Object.entries(env)) println(io.stdout, `  export ${name}=${value}`);
}

export function intFlag(raw: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw usageError(`${flag} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return n;
}
