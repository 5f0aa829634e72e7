import type { GenError } from "./errors/gen-error.js";

type Mutable = { -readonly [K in "message" | "vendorMessage" | "userMessage"]?: string };

/**
 * Apply `redact` to every text field of a runtime error that may carry vendor text (message,
 * vendorMessage, userMessage, raw), in place; returns the error.
 */
export function redactError(error: GenError, redact: (text: string) => string): GenError {
  const e = error as Mutable;
  if (e.message) e.message = redact(e.message);
  if (e.vendorMessage) e.vendorMessage = redact(e.vendorMessage);
  if (e.userMessage) e.userMessage = redact(e.userMessage);
  if ("raw" in error && typeof error.raw === "string") (error as { raw: string }).raw = redact(error.raw);
  if (error.stack) error.stack = redact(error.stack);
  return error;
}
