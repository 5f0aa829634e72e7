import type { GenError } from "./errors/gen-error.js";
import type { TransportRequest } from "./types.js";

type Classifier = typeof import("#classify-network-error");

let classifier: Promise<Classifier> | undefined;
let idle: AbortSignal | undefined;

/**
 * `classifyNetworkError`, loaded on the first failed request (the Node code tables stay out of a
 * successful call's bundle). The signal is read now, so the verdict describes the moment of the
 * failure, not the moment the classifier finished loading.
 */
export async function classifyNetworkErrorLazily(
  error: unknown,
  request: TransportRequest,
  responded = false,
): Promise<GenError> {
  idle ??= new AbortController().signal;
  const view = request.signal.aborted ? request : { ...request, signal: idle };
  classifier ??= import("#classify-network-error");
  return (await classifier).classifyNetworkError(error, view, responded);
}

/** Re-labels errors raised while a response body streams (abort, timeout, connection lost). */
export async function* guardBodyLazily(
  chunks: AsyncIterable<Uint8Array>,
  request: TransportRequest,
): AsyncGenerator<Uint8Array, void, undefined> {
  try {
    yield* chunks;
  } catch (error) {
    throw await classifyNetworkErrorLazily(error, request, true);
  }
}
