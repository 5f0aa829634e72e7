import { resolve } from "node:path";
import type { Simulator } from "@gen/simulator";
import type { Studio } from "@gen/studio";
import { CliError, usageError } from "../cli-error.js";
import { type CliIo, interruption, printJson, println } from "../cli-io.js";
import { discoverVendors } from "../discover-vendors.js";
import { boolFlag, parseCommandArgs, pollMsFlag, stringFlag } from "../parse-command-args.js";
import { simulatorSource } from "../simulator-source.js";
import { studioBackend } from "../studio-backend.js";
import { envLines, intFlag } from "./mock.js";

/** Options of {@link startStudioServer}. */
export interface StudioServerOptions {
  port?: number;
  /** Start every vendor's simulator in-process and point the clients at them. */
  mock?: boolean;
  /** Simulated task duration with `mock`, ms (default 4000). */
  taskMs?: number;
  dataDir?: string;
  pollMs?: number;
}

/** A studio and the simulators it started (with `mock`). */
export interface StudioServer {
  studio: Studio;
  simulators: readonly Simulator[];
  close(): Promise<void>;
}

/** Starts the studio (and, with `mock`, the simulators) for `gen studio` and its tests. */
export async function startStudioServer(io: CliIo, options: StudioServerOptions): Promise<StudioServer> {
  const { defaultDataDir, startStudio } = await import("@gen/studio");
  const simulators: Simulator[] = [];
  let env = io.env;
  if (options.mock) {
    const { startSimulator } = await import("@gen/simulator");
    const mockEnv: Record<string, string> = {};
    for (const [index, entry] of (await discoverVendors(io.cwd)).entries()) {
      const source = await simulatorSource(entry).catch((error: unknown) => {
        if (!(error instanceof CliError)) throw error;
        println(io.stderr, `skipped ${entry.id}: ${error.message}`);
        return undefined;
      });
      if (!source) continue;
      const sim = await startSimulator({
        ...source,
        seed: index + 1,
        taskDurationMs: options.taskMs ?? 4000,
      });
      simulators.push(sim);
      Object.assign(mockEnv, await envLines(entry, sim));
    }
    env = { ...io.env, ...mockEnv };
  }
  const closeSims = () => Promise.all(simulators.map((s) => s.close())).then(() => undefined);
  try {
    const studio = await startStudio({
      backend: studioBackend({ ...io, env }),
      dataDir: options.dataDir ?? defaultDataDir(io.env),
      ...(options.port === undefined ? {} : { port: options.port }),
      // Simulated tasks finish in seconds: poll every 500 ms instead of the vendors' schedules.
      ...(options.pollMs === undefined ? (options.mock ? { pollMs: 500 } : {}) : { pollMs: options.pollMs }),
    });
    return { studio, simulators, close: () => studio.close().then(closeSims) };
  } catch (error) {
    await closeSims();
    if ((error as { code?: string }).code === "EADDRINUSE") {
      throw usageError(`--port: port ${options.port} is already in use`, "Pick another --port, or omit it.");
    }
    throw error;
  }
}

/** `gen studio [--port N] [--mock] [--data-dir DIR] [--task-ms MS] [--poll-ms MS] [--json]` */
export async function studioCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs("studio", args, {
    port: { type: "string", short: "p" },
    mock: { type: "boolean" },
    "data-dir": { type: "string" },
    "task-ms": { type: "string" },
    "poll-ms": { type: "string" },
    json: { type: "boolean" },
  });
  if (parsed.positionals.length > 0) throw usageError(`Unexpected argument "${parsed.positionals[0]}"`);
  const port = intFlag(stringFlag(parsed, "port"), "--port", 0, 65535);
  const taskMs = intFlag(stringFlag(parsed, "task-ms"), "--task-ms", 0, 3_600_000);
  const dataDir = stringFlag(parsed, "data-dir");
  const pollMs = pollMsFlag(parsed);
  const server = await startStudioServer(io, {
    mock: boolFlag(parsed, "mock"),
    ...(port === undefined ? {} : { port }),
    ...(taskMs === undefined ? {} : { taskMs }),
    ...(dataDir === undefined ? {} : { dataDir: resolve(io.cwd, dataDir) }),
    ...(pollMs === undefined ? {} : { pollMs }),
  });
  const { studio } = server;
  if (studio.recoveredHistory) {
    println(io.stderr, `warning: the history file was unreadable; kept as ${studio.recoveredHistory}`);
  }
  const interrupted = interruption(io);
  if (boolFlag(parsed, "json")) {
    printJson(io.stdout, { type: "ready", url: studio.url, origin: studio.origin });
  } else {
    println(io.stdout, `gen studio${server.simulators.length ? " (simulators)" : ""}: open ${studio.url}`);
    println(io.stdout, "The link holds this session's token: do not share it. Press Ctrl-C to stop.");
  }
  await interrupted;
  await server.close();
  return 0;
}
