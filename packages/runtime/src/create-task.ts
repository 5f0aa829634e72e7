import { GenError, isGenError } from "./errors/gen-error.js";
import { readTaskSnapshot } from "./read-task-snapshot.js";
import { redactError } from "./redact-error.js";
import type {
  CallOptions,
  OperationDefinition,
  Task,
  TaskHandle,
  TaskSnapshot,
  VendorDefinition,
  WaitOptions,
} from "./types.js";
import { unwrapPollAnswer } from "./unwrap-poll-answer.js";
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

/** What a task knows beyond its handle. */
export interface CreateTaskExtras {
  /** The create operation (its `task.estimatedMs` drives the waiter); else looked up by the handle's id. */
  operation?: OperationDefinition<unknown, unknown> | undefined;
  /** Scrubs vendor text before it reaches a snapshot or an error (credential redaction). */
  redact?: ((text: string) => string) | undefined;
  /**
   * Runs the poll operation and resolves to the parsed body with its envelope (`unwrapPollAnswer`
   * reads it); without it, polls go through `invoke`, which refuses any non-success code.
   */
  pollRaw?:
    | ((
        operation: OperationDefinition<unknown, unknown>,
        input: unknown,
        options?: CallOptions,
      ) => Promise<{ data: unknown; requestId?: string }>)
    | undefined;
}

/**
 * A `Task` for a handle: `status()` runs the vendor's poll operation and reads it through the task
 * protocol (vendor text redacted); `wait()` polls with the protocol's bounds and the create
 * operation's duration estimate. The protocol's `maxDelayMs` is the catalog's bound: an estimate or
 * a progress forecast may sleep past it, unless the caller passes its own `maxDelayMs`.
 */
export function createTask<Result>(
  vendor: VendorDefinition,
  handle: TaskHandle,
  invoke: Invoke,
  extras: CreateTaskExtras = {},
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
  const { redact } = extras;
  const estimatedMs = (extras.operation ?? vendor.operations?.[handle.operation])?.task?.estimatedMs;
  const status = async (options?: CallOptions): Promise<TaskSnapshot<Result>> => {
    const input = pollInputFor(protocol.pollInput, handle.taskId);
    try {
      const data = extras.pollRaw
        ? await extras
            .pollRaw(pollOperation, input, options)
            .then((r) => unwrapPollAnswer(vendor, protocol, r.data, r.requestId))
        : unwrapPollAnswer(
            { ...vendor, envelope: undefined },
            protocol,
            await invoke(pollOperation, input, options),
          );
      const snapshot = readTaskSnapshot<Result>(protocol, data, vendor.id);
      if (snapshot.reason !== undefined && redact) snapshot.reason = redact(snapshot.reason);
      return snapshot;
    } catch (error) {
      throw redact && isGenError(error) ? redactError(error, redact) : error;
    }
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
        ...defined({ estimatedMs, redact }),
        informedDelays: options.maxDelayMs === undefined,
        ...defined(options),
      });
    },
  };
}
