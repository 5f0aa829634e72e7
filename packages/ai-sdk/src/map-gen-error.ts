import { APICallError, InvalidArgumentError } from "@ai-sdk/provider";
import { isGenError } from "@gen/runtime";

/**
 * A runtime error the AI SDK way: invalid input -> `InvalidArgumentError` naming the field and the
 * rule; an abort -> an `AbortError` (what `fetch` throws, so the SDK neither retries nor wraps it);
 * any vendor or task failure -> `APICallError` with the status, the vendor's code and request id
 * in `data`, and `isRetryable: false` — the runtime already retried what is safe, and a paid
 * create must never be sent twice.
 */
export function mapGenError(error: unknown, url: string): unknown {
  if (!isGenError(error)) return error;
  const e = error as unknown as Record<string, unknown>;
  if (error.kind === "aborted") {
    const abort = new Error(error.message, { cause: error });
    abort.name = "AbortError";
    return abort;
  }
  if (error.kind === "invalid_request" && typeof e.rule === "string") {
    return new InvalidArgumentError({
      argument: String(e.field ?? "input"),
      message: error.message,
      cause: error,
    });
  }
  const data: Record<string, unknown> = { kind: error.kind };
  for (const key of ["vendor", "code", "requestId", "reason"]) if (e[key] !== undefined) data[key] = e[key];
  return new APICallError({
    message: error.message,
    url,
    requestBodyValues: {},
    ...(typeof e.status === "number" ? { statusCode: e.status } : {}),
    isRetryable: false,
    data,
    cause: error,
  });
}
