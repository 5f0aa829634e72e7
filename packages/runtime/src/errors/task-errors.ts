import type { TaskHandle } from "../types.js";
import { GenError, type GenErrorInit } from "./gen-error.js";

/** The vendor reports the task failed; `reason` is the vendor's own explanation. */
export class TaskFailedError extends GenError {
  override name = "TaskFailedError";
  readonly handle: TaskHandle;
  readonly reason?: string;
  constructor(handle: TaskHandle, reason: string | undefined, init: GenErrorInit = {}) {
    super("task_failed", `Task ${handle.taskId} failed${reason ? `: ${reason}` : ""}`, init);
    this.handle = handle;
    if (reason !== undefined) this.reason = reason;
  }
}

/** The task was cancelled (by the user or the vendor); `reason` is the vendor's own, when it gave one. */
export class TaskCancelledError extends GenError {
  override name = "TaskCancelledError";
  readonly handle: TaskHandle;
  readonly reason?: string;
  constructor(handle: TaskHandle, init: GenErrorInit & { reason?: string | undefined } = {}) {
    const { reason, ...rest } = init;
    super("task_cancelled", `Task ${handle.taskId} was cancelled${reason ? `: ${reason}` : ""}`, rest);
    this.handle = handle;
    if (reason !== undefined) this.reason = reason;
  }
}

/** The task did not finish in time (vendor `timed_out` state or the local `timeoutMs`). */
export class TaskTimedOutError extends GenError {
  override name = "TaskTimedOutError";
  readonly handle: TaskHandle;
  /** `vendor`: the vendor gave up; `local`: the wait gave up (the task may still finish: resume it). */
  readonly by: "vendor" | "local";
  /** The vendor's own explanation, when it gave one. */
  readonly reason?: string;
  constructor(
    handle: TaskHandle,
    by: "vendor" | "local",
    init: GenErrorInit & { reason?: string | undefined } = {},
  ) {
    const { reason, ...rest } = init;
    const tail = by === "local" ? "; it may still finish, resume it from its handle" : "";
    super(
      "task_timed_out",
      `Task ${handle.taskId} timed out (${by})${reason ? `: ${reason}` : ""}${tail}`,
      rest,
    );
    this.handle = handle;
    this.by = by;
    if (reason !== undefined) this.reason = reason;
  }
}
