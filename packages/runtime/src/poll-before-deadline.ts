import { TimeoutError } from "./errors/network-errors.js";
import { Deadline } from "./with-deadline.js";

/**
 * Run one poll under the wait's remaining time: a poll that hangs is abandoned when the wait's
 * `timeoutMs` runs out, and `onDeadline()` is thrown (the caller's abort still wins).
 */
export async function pollBeforeDeadline<T>(
  poll: (signal: AbortSignal) => Promise<T>,
  signal: AbortSignal | undefined,
  remainingMs: number,
  onDeadline: () => Error,
): Promise<T> {
  const deadline = new Deadline(signal, Math.max(1, remainingMs), "waiting for the task");
  try {
    return await poll(deadline.signal);
  } catch (error) {
    const failure = deadline.failure(error);
    if (failure instanceof TimeoutError && failure === deadline.signal.reason) throw onDeadline();
    throw failure;
  } finally {
    deadline.finish();
  }
}
