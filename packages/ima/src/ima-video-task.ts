import {
  type CallOptions,
  type OperationDefinition,
  type Task,
  TaskFailedError,
  type TaskHandle,
  type TaskSnapshot,
  TaskTimedOutError,
  type VendorClient,
  type WaitOptions,
  waitForTask,
} from "@gen/runtime";
import type { Degradation } from "./degrade-params.js";
import { imaAlternatives } from "./ima-alternatives.js";
import { MODERATION, withImaWording } from "./ima-error-wording.js";
import { IMA_TASK_MESSAGES, imaWording } from "./ima-messages.js";
import { type ImaVideoResult, mediaTaskSnapshot } from "./media-task-snapshot.js";
import type { ImaModelTable } from "./model-table.js";

/** What a create actually sent: the model version, the credit rule, and what was changed to get there. */
export interface ImaCreateReport {
  model: { id: string; name: string; version: string };
  credit: { attributeId: number | string; points: number; match: string };
  /** Parameters lowered after 500 answers (only with `degradeOnServerError`). */
  degraded: Degradation[];
  /** Vendor code recovered from by re-fetching the product list (6009/6010), if any. */
  recoveredFrom?: string;
}

/** A video task: the runtime `Task` plus what the create sent. */
export interface ImaVideoTask extends Task<ImaVideoResult> {
  readonly report?: ImaCreateReport;
  /** The model's estimated generation time, ms: the default `WaitOptions.estimatedMs` of `wait()`. */
  readonly estimatedMs?: readonly [number, number];
}

/**
 * A task whose state aggregates every media (done only when all are 1 and none failed), polled
 * through the generated detail operation on top of the runtime's standalone waiter.
 */
export function imaVideoTask(
  runtime: VendorClient,
  detail: OperationDefinition<{ task_id: string }, unknown>,
  handle: TaskHandle,
  estimatedMs?: readonly [number, number],
  report?: ImaCreateReport,
  models?: ImaModelTable,
): ImaVideoTask {
  const suggest = (outcome: "failed" | "timeout") =>
    models ? imaAlternatives(models, report?.model.name, outcome) : [];
  const protocol = runtime.vendor.task;
  const redact = (text: string) => runtime.redact?.(text) ?? text;
  const status = async (options?: CallOptions): Promise<TaskSnapshot<ImaVideoResult>> => {
    const data = await runtime.invoke(detail, { task_id: handle.taskId }, options);
    const snapshot = mediaTaskSnapshot(handle.taskId, data);
    if (snapshot.reason !== undefined) snapshot.reason = redact(snapshot.reason);
    return snapshot;
  };
  const language = runtime.options.language;
  return {
    handle,
    taskId: handle.taskId,
    ...(report ? { report } : {}),
    ...(estimatedMs ? { estimatedMs } : {}),
    status,
    async wait(options: WaitOptions = {}) {
      try {
        return await waitForTask<ImaVideoResult>({
          handle,
          poll: (signal) => status(signal ? { signal } : undefined),
          ...(protocol?.minDelayMs !== undefined ? { minDelayMs: protocol.minDelayMs } : {}),
          ...(protocol?.maxDelayMs !== undefined ? { maxDelayMs: protocol.maxDelayMs } : {}),
          ...(protocol?.timeoutMs !== undefined ? { timeoutMs: protocol.timeoutMs } : {}),
          ...(estimatedMs ? { estimatedMs } : {}),
          informedDelays: options.maxDelayMs === undefined,
          redact,
          ...options,
        });
      } catch (error) {
        if (error instanceof TaskFailedError) {
          const userMessage = imaWording(IMA_TASK_MESSAGES.failed, language);
          const failed = new TaskFailedError(handle, error.reason, {
            vendor: "ima",
            userMessage,
            cause: error,
          });
          const moderated = error.reason !== undefined && MODERATION.test(error.reason);
          throw withImaWording(failed, language, moderated ? ["Wan 2.6", "Kling O1"] : suggest("failed"));
        }
        if (error instanceof TaskTimedOutError) {
          const userMessage = imaWording(IMA_TASK_MESSAGES.timedOut, language);
          const timedOut = new TaskTimedOutError(handle, error.by, {
            vendor: "ima",
            userMessage,
            cause: error,
            reason: error.reason,
          });
          throw withImaWording(timedOut, language, suggest("timeout"));
        }
        throw withImaWording(error, language);
      }
    },
  };
}
