import type { CreateTaskOptions, SimTask, TaskOutcome, TaskSnapshot } from "./types.js";

/** Share of a task's duration it spends queued. */
const QUEUED_SHARE = 0.2;

/** Simulated tasks; their state is a function of the clock. */
export class TaskStore {
  private readonly tasks = new Map<string, SimTask>();
  private seq = 0;

  constructor(
    private readonly clock: () => number,
    private readonly durationOf: (operationId: string) => number,
    private readonly nextId: (seq: number, operationId: string) => string,
  ) {}

  create(options: CreateTaskOptions): SimTask {
    const task: SimTask = {
      id: this.nextId(++this.seq, options.operationId),
      operationId: options.operationId,
      input: options.input,
      createdAt: this.clock(),
      durationMs: Math.max(0, options.durationMs ?? this.durationOf(options.operationId)),
      outcome: options.outcome ?? { state: "succeeded" },
      meta: {},
    };
    this.tasks.set(task.id, task);
    return task;
  }

  get(id: string): SimTask | undefined {
    return this.tasks.get(id);
  }

  list(): SimTask[] {
    return [...this.tasks.values()];
  }

  /** Changes how a task ends; false when the id is unknown. */
  setOutcome(id: string, outcome: TaskOutcome): boolean {
    const task = this.tasks.get(id);
    if (!task) return false;
    task.outcome = outcome;
    return true;
  }

  /** State and progress (0..100) of a task now: queued, running, then its outcome. */
  snapshot(task: SimTask): TaskSnapshot {
    const elapsed = this.clock() - task.createdAt;
    const d = task.durationMs;
    if (elapsed >= d) {
      return { state: task.outcome.state, progress: task.outcome.state === "succeeded" ? 100 : 99 };
    }
    if (elapsed < d * QUEUED_SHARE) return { state: "queued", progress: 0 };
    return { state: "running", progress: Math.min(99, Math.max(1, Math.floor((elapsed / d) * 100))) };
  }

  clear(): void {
    this.tasks.clear();
  }
}
