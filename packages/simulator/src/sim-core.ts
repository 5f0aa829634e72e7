import { AsyncLocalStorage } from "node:async_hooks";
import { getPath } from "@gen/runtime";
import type { JsonSchema } from "@gen/spec";
import type { FaultQueue, FaultTarget } from "./fault-queue.js";
import type { Ledger, LedgerEntry } from "./ledger.js";
import { kindForOperation } from "./media-kind.js";
import type { SimModel, SimOperation } from "./model-index.js";
import type { Replies } from "./replies.js";
import { sampleValue } from "./sample-value.js";
import { setPath } from "./set-path.js";
import type { TaskStore } from "./task-store.js";
import type {
  CreateTaskOptions,
  FileKind,
  SimContext,
  SimRequest,
  SimResponse,
  SimTask,
  SimulatorPlugin,
  TaskState,
} from "./types.js";
import type { RequestValidator } from "./validate-request.js";

/** What the request handler knows about the request being served. */
export interface RequestScope {
  entry: LedgerEntry;
  target: FaultTarget;
}

/** The parts a simulator is built from. */
export interface SimCoreParts {
  model: SimModel;
  credentials: Record<string, string>;
  tasks: TaskStore;
  ledger: Ledger;
  faults: FaultQueue;
  replies: Replies;
  validator: RequestValidator;
  plugins: SimulatorPlugin[];
  statusValues: Record<TaskState, string | number>;
  clock: () => number;
}

/** The shared state and generic, model-driven behaviour of one vendor simulator. */
export class SimCore implements SimContext {
  readonly scope: AsyncLocalStorage<RequestScope> = new AsyncLocalStorage();
  readonly state: Map<string, unknown> = new Map();
  readonly vendorId: string;
  readonly model: SimModel;
  readonly credentials: Readonly<Record<string, string>>;
  readonly tasks: TaskStore;
  readonly ledger: Ledger;
  origin = "";
  private fileSeq = 0;

  constructor(private readonly parts: SimCoreParts) {
    this.model = parts.model;
    this.vendorId = parts.model.vendor.id;
    this.credentials = parts.credentials;
    this.tasks = parts.tasks;
    this.ledger = parts.ledger;
  }

  get baseUrl(): string {
    return this.origin + this.model.basePath;
  }

  now(): number {
    return this.parts.clock();
  }

  ok(data: unknown, status?: number): SimResponse {
    return this.parts.replies.ok(data, status);
  }

  error(code: string | number, message?: string, status?: number): SimResponse {
    return this.parts.replies.error(code, message, status);
  }

  errorOfKind(kind: string, message?: string, status?: number): SimResponse {
    return this.parts.replies.errorOfKind(kind, message, status);
  }

  fileUrl(kind: FileKind, name?: string): string {
    return `${this.origin}/__sim/files/${encodeURIComponent(name ?? `file-${++this.fileSeq}`)}.${kind}`;
  }

  createTask(options: CreateTaskOptions): SimTask {
    const scope = this.scope.getStore();
    const fault = scope && this.parts.faults.takeOutcome(scope.target);
    const outcome =
      fault?.kind === "task-outcome"
        ? { state: fault.state, ...(fault.reason ? { reason: fault.reason } : {}) }
        : options.outcome;
    const task = this.tasks.create({ ...options, ...(outcome ? { outcome } : {}) });
    this.ledger.noteCreate(options.operationId);
    if (scope) scope.entry.taskId = task.id;
    return task;
  }

  async handleOperation(req: SimRequest): Promise<SimResponse> {
    const op = req.operation;
    if (!op) return this.errorOfKind("not_found", `no operation at ${req.method} ${req.path}`, 404);
    const body = this.unwrap(req.body);
    const problems = this.parts.validator.validate(op, { ...req, body });
    if (problems.length > 0) return this.errorOfKind("invalid_request", problems.join("; "));
    const protocol = this.model.task;
    if (protocol && op.id === protocol.pollOperation) return this.poll(req, body);
    if (op.x.task) {
      const task = this.createTask({ operationId: op.id, input: body });
      const data: Record<string, unknown> = {};
      setPath(data, protocol?.taskIdPath ?? "task_id", task.id);
      return this.ok(data);
    }
    if (op.x.kind === "create") this.ledger.noteCreate(op.id);
    return this.ok(this.sample(op.responseSchema, op, `${op.id}-${this.ledger.entries.length}`));
  }

  private unwrap(body: unknown): unknown {
    const wrapper = this.model.request.bodyWrapper;
    if (!wrapper || body === undefined) return body;
    if (body && typeof body === "object" && !Array.isArray(body)) {
      return (body as Record<string, unknown>)[wrapper] ?? {};
    }
    return body;
  }

  private poll(req: SimRequest, body: unknown): SimResponse {
    const protocol = this.model.task!;
    const key = Object.entries(protocol.pollInput).find(([, v]) => v.includes("{taskId}"))?.[0] ?? "task_id";
    const id = req.params[key] ?? getPath(body, key) ?? req.query.get(key);
    const task = typeof id === "string" || typeof id === "number" ? this.tasks.get(String(id)) : undefined;
    if (!task) return this.errorOfKind("not_found", "task not found");
    const snapshot = this.tasks.snapshot(task);
    const data: Record<string, unknown> = { [key]: task.id };
    if (snapshot.state === "succeeded") {
      const result = this.result(task);
      const encoded = protocol.resultEncoding === "json-string" ? JSON.stringify(result) : result;
      setPath(data, protocol.resultPath, encoded);
    } else if (protocol.reasonPath && !["queued", "running"].includes(snapshot.state)) {
      setPath(data, protocol.reasonPath, task.outcome.reason ?? `task ${snapshot.state}`);
    }
    // Status and progress last: they may live inside the result (`medias.0.resource_status`).
    setPath(data, protocol.statusPath, this.parts.statusValues[snapshot.state]);
    if (protocol.progressPath) setPath(data, protocol.progressPath, snapshot.progress);
    let out: unknown = data;
    for (const p of this.parts.plugins)
      if (p.pollData) out = p.pollData(out as Record<string, unknown>, task, snapshot, this);
    return this.ok(out);
  }

  private result(task: SimTask): unknown {
    if (!("result" in task.meta)) {
      let result: unknown;
      for (const p of this.parts.plugins) result = p.taskResult?.(task, this) ?? result;
      const protocol = this.model.task!;
      const op = this.model.byId.get(task.operationId);
      const own = typeof op?.x.task === "object" ? op.x.task : {};
      task.meta["result"] =
        result ??
        this.sample(
          own.resultSchema ?? protocol.resultSchema,
          op,
          task.id,
          own.resultUrlPaths ?? protocol.resultUrlPaths,
        );
    }
    return task.meta["result"];
  }

  private sample(
    schema: JsonSchema | undefined,
    op: SimOperation | undefined,
    name: string,
    urlPaths?: readonly string[],
  ): unknown {
    return sampleValue(schema, {
      document: this.model.document,
      defaultKind: kindForOperation(op),
      fileUrl: (kind, index) => this.fileUrl(kind, `${name}-${index}`),
      ...(urlPaths ? { urlPaths } : {}),
    });
  }
}
