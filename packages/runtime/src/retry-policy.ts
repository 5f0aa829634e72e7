import type { RetryOptions } from "./types.js";

/** Defaults: 3 attempts, 250 ms base, 8 s cap, Retry-After honoured up to 60 s. */
export const DEFAULT_RETRY: Readonly<Required<Omit<RetryOptions, "onRetry">>> = {
  maxAttempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 8000,
  maxRetryAfterMs: 60_000,
};

/** Exponential backoff with full jitter: a random delay in [0, min(max, base * 2^retry)]. */
export function backoffDelay(
  retry: number,
  base: number,
  max: number,
  random: () => number = Math.random,
): number {
  const cap = Math.min(max, base * 2 ** retry);
  return Math.floor(random() * cap);
}

/** Parse a Retry-After header (delta seconds or an HTTP date) into ms from `now`; undefined when absent or bad. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
