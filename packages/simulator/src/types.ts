import type { IncomingHttpHeaders } from "node:http";
import type { XGenErrorKind, XGenTaskState } from "@gen/spec";
import type { Fault, FaultInput } from "./fault-types.js";
import type { Ledger } from "./ledger.js";
import type { SimModel, SimOperation } from "./model-index.js";
import type { TaskStore } from "./task-store.js";

/** Canonical task states (the model's `XGenTaskState`). */
export type TaskState = XGenTaskState;

/** Kinds of file the simulator serves under `/__sim/files/`. */
export type FileKind = "png" | "jpg" | "mp4" | "mp3" | "svg" | "json" | "txt";

/** A request as seen by the simulator and by plugin routes. */
export interface SimRequest {
  method: string;
  /** Full path as sent, without the query (`/api/ai/skills/generate-flowchart`). */
  path: string;
  /** Path relative to the vendor's base path (`/skills/generate-flowchart`). */
  relativePath: string;
  query: URLSearchParams;
  /** Raw request headers (credentials included: never log them). */
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** Parsed JSON body; `undefined` when empty or not JSON. */
  body: unknown;
  /** Path parameters of the matched route or operation. */
  params: Record<string, string>;
  /** The model operation this request matched, when any. */
  operation?: SimOperation;
  /** Host name this request was addressed to (the vendor host or a plugin's extra host). */
  host: string;
}

/** A response a route or hook returns. `json` wins over `body`. */
export interface SimResponse {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  body?: string | Uint8Array;
}

/** Options of {@link SimContext.createTask}. */
export interface CreateTaskOptions {
  operationId: string;
  input?: unknown;
  durationMs?: number;
  outcome?: TaskOutcome;
}

/** How a task ends. `succeeded` unless a fault, option or plugin says otherwise. */
export interface TaskOutcome {
  state: Exclude<TaskState, "queued" | "running">;
  reason?: string;
}

/** A stored simulated task. */
export interface SimTask {
  id: string;
  operationId: string;
  /** The validated (unwrapped) create input. */
  input: unknown;
  createdAt: number;
  durationMs: number;
  outcome: TaskOutcome;
  /** Free slot for plugins (e.g. per-task media lists). */
  meta: Record<string, unknown>;
}

/** A task's state at a moment. */
export interface TaskSnapshot {
  state: TaskState;
  /** 0..100. */
  progress: number;
}

/** What routes and hooks may use. Stable: plugins depend on it. */
export interface SimContext {
  vendorId: string;
  model: SimModel;
  /** Origin of the vendor server (`http://127.0.0.1:1234`). */
  origin: string;
  /** Origin + base path (`http://127.0.0.1:1234/api/ai`). */
  baseUrl: string;
  /** The credentials clients must send, by credential option name. */
  credentials: Readonly<Record<string, string>>;
  tasks: TaskStore;
  ledger: Ledger;
  /** Current time of the simulator's clock (ms). */
  now(): number;
  /** Success response in the vendor's envelope (or the bare data when the vendor has none). */
  ok(data: unknown, status?: number): SimResponse;
  /** Error response with a vendor code; message and HTTP status default from `x-gen-errors`. */
  error(code: string | number, message?: string, status?: number): SimResponse;
  /** Error response with the first vendor code of a kind (e.g. `invalid_request`). */
  errorOfKind(kind: string, message?: string, status?: number): SimResponse;
  /** URL of a deterministic file served by this simulator. */
  fileUrl(kind: FileKind, name?: string): string;
  /** Runs the generic handling of the matched model operation (auth already checked). */
  handleOperation(req: SimRequest): Promise<SimResponse>;
  /** Creates a task (counted in the ledger as a create of `operationId`). */
  createTask(options: CreateTaskOptions): SimTask;
  /** Per-simulator scratch space for plugins (cleared by reset). */
  state: Map<string, unknown>;
}

/** A custom route. Return `undefined` to fall through to the generic handling. */
export interface SimRoute {
  /** HTTP method, or `*` for any. */
  method: string;
  /**
   * Path with `{param}` placeholders. On the vendor host: relative to the base path, like the
   * model's paths. On an extra host: the full path.
   */
  path: string;
  /** Check the vendor credentials before calling `handle` (default true on the vendor host). */
  auth?: boolean;
  handle(req: SimRequest, ctx: SimContext): SimResponse | undefined | Promise<SimResponse | undefined>;
}

/** A second host the vendor uses (uploads, results): served by its own loopback server. */
export interface SimExtraHost {
  /** Host name as clients see it (`imapi.liveme.com`). */
  host: string;
  routes?: SimRoute[];
}

/**
 * Vendor-specific behaviour on top of the model-driven simulator. Built-in plugins live in
 * `src/vendors/<vendor>.ts` and export `<vendor>Plugin`; third parties pass `plugins` to
 * {@link startSimulator}. Every field is optional.
 */
export interface SimulatorPlugin {
  /** Vendor id the plugin is for (`x-gen-vendor.id`). */
  vendor: string;
  /** Default credentials, by credential option name (e.g. `{ apiKey: "ima_sim-key" }`). */
  credentials?: Record<string, string>;
  /** Vendor status value per canonical state, overriding the reversed `statusMap`. */
  statusValues?: Partial<Record<TaskState, string | number>>;
  /**
   * Vendor code to answer per error kind (`{ authentication: 374004 }`), when it is not the first
   * code of that kind in `x-gen-errors` (JSON objects order numeric keys ascending).
   */
  errorCodes?: Partial<Record<XGenErrorKind, string | number>>;
  /** Routes tried before the model's operations on the vendor host. */
  routes?: SimRoute[];
  /** Extra hosts, each served by its own loopback server. */
  hosts?: SimExtraHost[];
  /** Task id generator (default: seeded hex). */
  taskId?(seq: number, operationId: string): string;
  /** Decoded result of a succeeded task; `undefined` keeps the generic sample from `resultSchema`. */
  taskResult?(task: SimTask, ctx: SimContext): unknown;
  /** Reshape the poll response data built by the simulator; return the new data. */
  pollData?(data: Record<string, unknown>, task: SimTask, snapshot: TaskSnapshot, ctx: SimContext): unknown;
  /** Called once the servers listen. */
  setup?(ctx: SimContext): void | Promise<void>;
}

/** Per-operation task durations: `{ "*": 500, textToVideo: 2000 }`, or a function. */
export type TaskDurations = number | Record<string, number> | ((operationId: string) => number);

/** Options of {@link startSimulator}. Give `model`, `modelPath` or `vendor`. */
export interface SimulatorOptions {
  /** The normalised model (OpenAPI 3.1 + x-gen-*). */
  model?: object;
  /** Path of a model file (JSON or YAML). */
  modelPath?: string;
  /** Vendor id: loads `packages/<id>/openapi.gen.json` from the workspace root. */
  vendor?: string;
  /** Workspace root (default: found from this package's location). */
  root?: string;
  /** Port of the vendor server (default 0: any free port). */
  port?: number;
  /**
   * Port of the first extra host's server (file hosts, upload hosts); the next ones follow
   * (+1, +2, ...). Default 0: any free port. `gen mock --port` derives it, so restarts keep the
   * printed `GEN_<VENDOR>_CONNECT_TO` lines valid.
   */
  extraPortsFrom?: number;
  /** Credentials clients must send, by credential option name (defaults: `sim-key`, ...). */
  credentials?: Record<string, string>;
  /** How long tasks take (default 1000 ms). */
  taskDurationMs?: TaskDurations;
  /** Seed for task ids and trace ids (default 1). */
  seed?: number;
  /** Clock in ms (default `Date.now`); tests pass a manual clock to step tasks deterministically. */
  clock?: () => number;
  /** Status value per canonical state, overriding the plugin and the reversed `statusMap`. */
  statusValues?: Partial<Record<TaskState, string | number>>;
  /** Vendor code per error kind, overriding the plugin and the first code of the kind. */
  errorCodes?: Partial<Record<XGenErrorKind, string | number>>;
  /** Extra plugins, applied after the built-in plugin of the vendor. */
  plugins?: SimulatorPlugin[];
  /**
   * Apply the plugin this package ships for the vendor, `vendors/<id>` (default true). Vendor
   * manifests name the same modules; `gen mock` loads the manifest's plugin and sets this to false.
   */
  builtinPlugins?: boolean;
}

/** Programmatic fault control (same queue as `POST /__sim/faults`). */
export interface FaultControl {
  /** Queue faults; each applies to the next `times` (default 1) matching requests. */
  add(...faults: FaultInput[]): void;
  /** Faults still queued, with their remaining counts. */
  pending(): Fault[];
  clear(): void;
}

/** A running simulator. */
export interface Simulator {
  vendorId: string;
  /** Origin + the base path of `servers[0].url` (`http://127.0.0.1:1234/api/ai`). */
  baseUrl: string;
  origin: string;
  /** Credentials clients must send, by credential option name. */
  credentials: Readonly<Record<string, string>>;
  /** Vendor host name (and each extra host) -> loopback origin. */
  hosts: Readonly<Record<string, string>>;
  /** Rewrites a vendor URL (`https://api.vendor.com/x`) to its loopback twin; others unchanged. */
  rewriteUrl(url: string): string;
  ledger: Ledger;
  faults: FaultControl;
  tasks: TaskStore;
  /** Clears ledger, faults, tasks and plugin state. */
  reset(): void;
  close(): Promise<void>;
}
