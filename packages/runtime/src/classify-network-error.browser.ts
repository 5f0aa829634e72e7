import { describeRequest } from "./describe-request.js";
import { AbortedError, GenError, NetworkError, TimeoutError } from "./errors/index.js";
import type { TransportRequest } from "./types.js";

// Browser build of `classify-network-error.ts`: a browser's fetch never says whether a failed
// request left the machine (no error codes), so `sent` is always true, as the full version
// concludes for such errors. Same exports, without the Node/undici code tables.

/** Always false in browsers: fetch errors carry no proof that the request was not sent. */
export function isUnsentError(_error: unknown): boolean {
  return false;
}

export { describeRequest };

/** See the full version: the abort signal wins, otherwise a `NetworkError` with `sent: true`. */
export function classifyNetworkError(error: unknown, request: TransportRequest, responded = false): GenError {
  const { signal } = request;
  if (signal.aborted) {
    const reason: unknown = signal.reason;
    if (reason instanceof TimeoutError || reason instanceof AbortedError) return reason;
    if ((reason as { name?: unknown } | null)?.name === "TimeoutError")
      return new TimeoutError(`${describeRequest(request)} timed out`, { cause: reason });
    return new AbortedError(`${describeRequest(request)} was aborted`, { cause: reason });
  }
  if (error instanceof GenError) return error;
  const suffix = responded ? " while reading the response" : "";
  return new NetworkError(`${describeRequest(request)} failed: network error${suffix}`, {
    sent: true,
    cause: error,
  });
}

/** Re-labels errors raised while a response body streams (abort, timeout, connection lost). */
export async function* guardBody(
  chunks: AsyncIterable<Uint8Array>,
  request: TransportRequest,
): AsyncGenerator<Uint8Array, void, undefined> {
  try {
    yield* chunks;
  } catch (error) {
    throw classifyNetworkError(error, request, true);
  }
}
