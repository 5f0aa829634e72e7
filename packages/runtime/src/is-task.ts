import type { Task } from "./types.js";

/** Whether a call's outcome is a `Task` (a task operation's answer) rather than plain output. */
export function isTask(value: unknown): value is Task<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Task<unknown>).wait === "function" &&
    typeof (value as Task<unknown>).handle === "object"
  );
}
