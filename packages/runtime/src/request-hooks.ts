import { redact } from "./auth-headers.js";
import type { ClientOptions, LogLevel, RequestEvent, ResponseEvent } from "./types.js";

const LEVELS: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/** The secrets and credential header names of one request: what a hook must never see. */
export interface HookRedaction {
  secrets: readonly string[];
  headerNames: readonly string[];
}

/** Headers as a hook sees them: credential headers replaced by `[redacted]`, values redacted. */
function safeHeaders(headers: Readonly<Record<string, string>>, r: HookRedaction): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    out[name] = r.headerNames.includes(name.toLowerCase()) ? "[redacted]" : redact(value, r.secrets);
  return out;
}

/**
 * Hands one attempt's request to `hooks.onRequest` and the logger (debug). Every string is
 * redacted first: no credential value or credential header reaches a hook or a log line. A hook
 * that throws is ignored (observing must not change the request).
 */
export function emitRequest(options: Readonly<ClientOptions>, event: RequestEvent, r: HookRedaction): void {
  const safe: RequestEvent = {
    ...event,
    url: redact(event.url, r.secrets),
    headers: safeHeaders(event.headers, r),
  };
  call(() => options.hooks?.onRequest?.(safe));
  log(options, "debug", `${safe.method} ${safe.url} (attempt ${safe.attempt})`, safe);
}

/** Hands one attempt's outcome to `hooks.onResponse` and the logger (debug, or warn on an error). */
export function emitResponse(options: Readonly<ClientOptions>, event: ResponseEvent, r: HookRedaction): void {
  const safe: ResponseEvent = {
    ...event,
    url: redact(event.url, r.secrets),
    headers: safeHeaders(event.headers, r),
    ...(event.error
      ? { error: { name: event.error.name, message: redact(event.error.message, r.secrets) } }
      : {}),
  };
  call(() => options.hooks?.onResponse?.(safe));
  const outcome = safe.error ? `${safe.error.name}: ${safe.error.message}` : String(safe.status);
  log(
    options,
    safe.error ? "warn" : "debug",
    `${safe.method} ${safe.url} -> ${outcome} (${safe.durationMs} ms)`,
    safe,
  );
}

function log(options: Readonly<ClientOptions>, level: LogLevel, message: string, event: object): void {
  const logger = options.logger;
  if (!logger || LEVELS[level] < LEVELS[options.logLevel ?? "info"]) return;
  const method = level === "silent" ? undefined : logger[level];
  call(() => method?.call(logger, message, event));
}

function call(fn: () => unknown): void {
  try {
    fn();
  } catch {
    // observers never break a request
  }
}
