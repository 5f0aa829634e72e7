import type { CallOptions, Task, TaskHandle, WaitOptions } from "@gen/runtime";
import { mapGenError } from "./map-gen-error.js";

/** How a call waits: the SDK's abort signal and headers, and the provider options' polling. */
export interface RunOptions {
  abortSignal?: AbortSignal | undefined;
  headers?: Record<string, string | undefined> | undefined;
  pollIntervalMs?: number | undefined;
  pollTimeoutMs?: number | undefined;
  estimatedMs?: readonly [number, number] | undefined;
  /** For errors: where the call went (`vendor:operation`). */
  url: string;
}

/** What a generation produced: the result, its URLs and the task handle (to resume elsewhere). */
export interface Generation {
  result: unknown;
  urls: string[];
  handle?: TaskHandle | undefined;
}

/**
 * Starts the call (`start` gets the call options), waits for the task when it is one (the
 * runtime's waiter: adaptive polling, or `pollIntervalMs`), and maps failures the AI SDK way.
 */
export async function runGeneration(
  start: (options: CallOptions) => Promise<unknown>,
  urlsOf: (result: unknown) => string[],
  options: RunOptions,
): Promise<Generation> {
  const headers = Object.fromEntries(
    Object.entries(options.headers ?? {}).filter((e): e is [string, string] => e[1] !== undefined),
  );
  const call: CallOptions = {
    ...(options.abortSignal ? { signal: options.abortSignal } : {}),
    ...(Object.keys(headers).length ? { headers } : {}),
  };
  try {
    const outcome = await start(call);
    if (!isTask(outcome)) return { result: outcome, urls: urlsOf(outcome) };
    const wait: WaitOptions = {
      ...(options.abortSignal ? { signal: options.abortSignal } : {}),
      ...(options.pollIntervalMs
        ? { minDelayMs: options.pollIntervalMs, maxDelayMs: options.pollIntervalMs }
        : {}),
      ...(options.pollTimeoutMs ? { timeoutMs: options.pollTimeoutMs } : {}),
      ...(options.estimatedMs ? { estimatedMs: options.estimatedMs } : {}),
    };
    const result = await outcome.wait(wait);
    return { result, urls: urlsOf(result), handle: outcome.handle };
  } catch (error) {
    throw mapGenError(error, options.url);
  }
}

function isTask(value: unknown): value is Task {
  return typeof value === "object" && value !== null && typeof (value as Task).wait === "function";
}
