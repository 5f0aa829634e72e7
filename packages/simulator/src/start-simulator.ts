import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { builtinPlugin } from "./builtin-plugin.js";
import { credentialHeaders, defaultCredentials } from "./default-credentials.js";
import { FaultQueue } from "./fault-queue.js";
import { createRequestHandler, type HostBinding } from "./handle-request.js";
import { Ledger } from "./ledger.js";
import { loadModel } from "./load-model.js";
import { indexModel } from "./model-index.js";
import { compilePath } from "./path-pattern.js";
import { Replies } from "./replies.js";
import { randomHex, seededRandom } from "./seeded-random.js";
import { SimCore } from "./sim-core.js";
import { taskStatusValues } from "./task-status-values.js";
import { TaskStore } from "./task-store.js";
import type { SimRoute, Simulator, SimulatorOptions, TaskDurations } from "./types.js";
import { RequestValidator } from "./validate-request.js";

const DEFAULT_DURATION_MS = 1000;

function durationOf(spec: TaskDurations | undefined): (operationId: string) => number {
  if (typeof spec === "function") return spec;
  if (typeof spec === "number") return () => spec;
  return (id) => spec?.[id] ?? spec?.["*"] ?? DEFAULT_DURATION_MS;
}

function listen(server: Server, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    );
  });
}

const compile = (routes: SimRoute[] | undefined) =>
  (routes ?? []).map((route) => ({ route, pattern: compilePath(route.path) }));

/**
 * Starts a loopback simulator of one vendor, derived from its normalised model: auth, envelope,
 * request validation, tasks, result files, fault injection and a request ledger.
 */
export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const model = indexModel(await loadModel(options));
  const builtin = options.builtinPlugins === false ? undefined : await builtinPlugin(model.vendor.id);
  const plugins = [...(builtin ? [builtin] : []), ...(options.plugins ?? [])];
  const credentials = Object.assign(
    defaultCredentials(model.auth),
    ...plugins.map((p) => p.credentials ?? {}),
    options.credentials,
  );
  const clock = options.clock ?? Date.now;
  const random = seededRandom(options.seed ?? 1);
  const taskId = plugins.reduce<((seq: number, op: string) => string) | undefined>(
    (acc, p) => p.taskId ?? acc,
    undefined,
  );
  const tasks = new TaskStore(
    clock,
    durationOf(options.taskDurationMs),
    taskId ?? (() => randomHex(random, 24)),
  );
  const ledger = new Ledger(
    Object.values(credentials),
    credentialHeaders(model.auth),
    () => tasks.list(),
    clock,
  );
  const faults = new FaultQueue();
  const statusValues = taskStatusValues(
    model.task,
    ...plugins.map((p) => p.statusValues),
    options.statusValues,
  );
  const core = new SimCore({
    model,
    credentials,
    tasks,
    ledger,
    faults,
    plugins,
    statusValues,
    clock,
    replies: new Replies(
      model,
      Object.assign({}, ...plugins.map((p) => p.errorCodes ?? {}), options.errorCodes),
    ),
    validator: new RequestValidator(model),
  });
  const reset = () => {
    ledger.clear();
    faults.clear();
    tasks.clear();
    core.state.clear();
  };
  const control = { faults, ledger, tasks, reset };
  const bindings: HostBinding[] = [
    { host: model.apiHost, vendor: true, routes: compile(plugins.flatMap((p) => p.routes ?? [])) },
    ...plugins
      .flatMap((p) => p.hosts ?? [])
      .map((h) => ({ host: h.host, vendor: false, routes: compile(h.routes) })),
  ];
  const servers: Server[] = [];
  const hosts: Record<string, string> = {};
  try {
    for (const [i, binding] of bindings.entries()) {
      const server = createServer(createRequestHandler(core, faults, control, binding));
      servers.push(server);
      const extraPort = options.extraPortsFrom ? options.extraPortsFrom + i - 1 : 0;
      hosts[binding.host] = await listen(server, i === 0 ? (options.port ?? 0) : extraPort);
    }
  } catch (error) {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    throw error;
  }
  core.origin = hosts[model.apiHost]!;
  for (const h of model.hosts.api) if (!h.startsWith(".")) hosts[h] ??= core.origin;
  for (const p of plugins) await p.setup?.(core);
  return {
    vendorId: model.vendor.id,
    baseUrl: core.baseUrl,
    origin: core.origin,
    credentials,
    hosts,
    rewriteUrl: (url) => {
      const u = new URL(url);
      const origin = hosts[u.host];
      return origin ? origin + u.pathname + u.search : url;
    },
    ledger,
    faults,
    tasks,
    reset,
    close: () =>
      Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections();
              s.close(() => resolve());
            }),
        ),
      ).then(() => undefined),
  };
}
