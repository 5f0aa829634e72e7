import { GenError } from "./errors/gen-error.js";
import { readTaskSnapshot } from "./read-task-snapshot.js";
import type {
  CallOptions,
  OperationDefinition,
  Task,
  TaskHandle,
  TaskSnapshot,
  VendorDefinition,
  WaitOptions,
} from "./types.js";
import { waitForTask } from "./wait-for-task.js";

/** Runs an operation and resolves to its unwrapped response data. */
type Invoke = (
  operation: OperationDefinition<unknown, unknown>,
  input: unknown,
  options?: CallOptions,
) => Promise<unknown>;

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Poll input for a task id: each `{taskId}` in the protocol's `pollInput` values is replaced. */
export function pollInputFor(
  pollInput: Readonly<Record<string, string>>,
  taskId: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, template] of Object.entries(pollInput)) out[key] = template.split("{taskId}").join(taskId);
  return out;
}

/**
 * A `Task` for a handle: `status()` runs the vendor's poll operation and reads it through the task
 * protocol; `wait()` polls with the protocol's bounds and the operation's duration estimate.
 */
export function createTask<Result>(
  vendor: VendorDefinition,
  handle: TaskHandle,
  invoke: Invoke,
): Task<Result> {
  const protocol = vendor.task;
  const pollOperation = protocol ? vendor.operations?.[protocol.pollOperation] : undefined;
  if (!protocol || !pollOperation) {
    throw new GenError(
      "invalid_request",
      `${vendor.displayName} has no task protocol with a poll operation`,
      { vendor: vendor.id },
    );
  }
  const estimatedMs = vendor.operations?.[handle.operation]?.task?.estimatedMs;
  const status = async (options?: CallOptions): Promise<TaskSnapshot<Result>> => {
    const data = await invoke(pollOperation, pollInputFor(protocol.pollInput, handle.taskId), options);
    return readTaskSnapshot<Result>(protocol, data, vendor.id);
  };
  return {
    handle,
    taskId: handle.taskId,
    status,
    wait(options: WaitOptions = {}) {
      return waitForTask<Result>({
        handle,
        poll: (signal) => status(signal ? { signal } : undefined),
        ...defined({
          minDelayMs: protocol.minDelayMs,
          maxDelayMs: protocol.maxDelayMs,
          timeoutMs: protocol.timeoutMs,
        }),
        ...defined({ estimatedMs }),
        ...defined(options),
      });
    },
  };
}
