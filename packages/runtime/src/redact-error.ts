import type { GenError } from "./errors/gen-error.js";

const MAX_CAUSES = 4;

function redactValue(value: unknown, redact: (text: string) => string, depth: number): unknown {
  if (typeof value === "string") return redact(value);
  if (depth > 2 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, redact, depth + 1));
  if (value instanceof Error) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value))
    out[key] = redactValue((value as Record<string, unknown>)[key], redact, depth + 1);
  return out;
}

/** A plain copy of a foreign cause (a transport's error quoting a header, say) with its text redacted. */
function redactCause(cause: unknown, redact: (text: string) => string, left: number): unknown {
  if (!(cause instanceof Error)) return typeof cause === "string" ? redact(cause) : cause;
  const copy = new Error(redact(cause.message));
  copy.name = cause.name;
  const code = (cause as { code?: unknown }).code;
  if (typeof code === "string") (copy as { code?: string }).code = code;
  copy.stack = `${copy.name}: ${copy.message}`;
  if (left > 0 && cause.cause !== undefined) {
    Object.defineProperty(copy, "cause", {
      value: redactCause(cause.cause, redact, left - 1),
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/**
 * Apply `redact` to every string a runtime error exposes, in place: message, stack, every own
 * field (code, requestId, host, raw, vendorMessage, a sent request's URL and headers, ...), and
 * the cause chain (foreign causes are replaced by redacted copies). Returns the error.
 */
export function redactError<E extends GenError>(error: E, redact: (text: string) => string): E {
  const e = error as unknown as Record<string, unknown>;
  for (const key of Object.keys(e)) {
    if (key === "cause") continue;
    const value = e[key];
    const redacted = redactValue(value, redact, 0);
    if (redacted !== value) {
      try {
        e[key] = redacted;
      } catch {}
    }
  }
  error.message = redact(error.message);
  if (error.stack) error.stack = redact(error.stack);
  if (error.cause !== undefined) {
    const cause = error.cause;
    const safe =
      cause !== null && typeof cause === "object" && typeof (cause as GenError).kind === "string"
        ? redactError(cause as GenError, redact)
        : redactCause(cause, redact, MAX_CAUSES);
    Object.defineProperty(error, "cause", { value: safe, writable: true, configurable: true });
  }
  return error;
}
