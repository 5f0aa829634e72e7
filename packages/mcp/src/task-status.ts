import type { TaskHandle, TaskSnapshot, TaskState } from "@gen/runtime";
import { estimateProgress } from "@gen/runtime";
import type { Task } from "@modelcontextprotocol/sdk/types.js";

const STATUS: Record<TaskState, Task["status"]> = {
  queued: "working",
  running: "working",
  succeeded: "completed",
  failed: "failed",
  cancelled: "cancelled",
  timed_out: "failed",
};

/** An MCP task from a vendor snapshot (or just created: `working`). */
export function mcpTask(
  taskId: string,
  handle: TaskHandle,
  pollInterval: number,
  snapshot?: Pick<TaskSnapshot, "state" | "progress" | "reason">,
): Task {
  const state = snapshot?.state ?? "queued";
  const message =
    snapshot?.reason ?? `${state}${snapshot?.progress !== undefined ? ` ${snapshot.progress}%` : ""}`;
  return {
    taskId,
    status: STATUS[state],
    statusMessage: message,
    createdAt: handle.createdAt,
    lastUpdatedAt: new Date().toISOString(),
    ttl: null,
    pollInterval,
  };
}

/** Progress 0-100 of a snapshot: the vendor's value, else an estimate from the elapsed time. */
export function snapshotProgress(
  handle: TaskHandle,
  snapshot: Pick<TaskSnapshot, "state" | "progress">,
  estimatedMs?: readonly [number, number],
): number {
  if (snapshot.state === "succeeded") return 100;
  if (snapshot.progress !== undefined) return Math.min(99, snapshot.progress);
  return estimateProgress(Date.now() - Date.parse(handle.createdAt), estimatedMs);
}
