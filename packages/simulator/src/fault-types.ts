/** Which requests a fault applies to. All given fields must match; none given matches every request. */
export interface FaultMatch {
  /** operationId, vendor name or alias of a model operation. */
  operation?: string;
  /** Request path (full or relative to the base path); a trailing `*` matches a prefix. */
  path?: string;
  /** HTTP method. */
  method?: string;
  /** Apply to the next N matching requests (default 1). */
  times?: number;
}

/**
 * One injected fault.
 * - `error`: answer with a vendor error code (nothing processed).
 * - `status`: answer with an HTTP status (e.g. 503, or 429 with `Retry-After`), nothing processed.
 * - `reset-before`: destroy the socket before reading the request (nothing processed, no task).
 * - `reset-after`: process the request (task created), then destroy the socket instead of answering.
 * - `delay`: wait `ms` before processing and answering.
 * - `slow`: process, send the headers, then trickle the body over `ms`.
 * - `truncate`: process, then send half the body under the full Content-Length and close.
 * - `non-json`: answer `body` (default an HTML gateway page) with `status` (default 502), nothing processed.
 * - `task-outcome`: the task created by the matching create ends in `state` with `reason`.
 */
export type FaultSpec =
  | { kind: "error"; code: string | number; message?: string; status?: number }
  | {
      kind: "status";
      status: number;
      /** Seconds (number) or a verbatim header value (e.g. an HTTP date). */
      retryAfter?: number | string;
      /** Retry-After as an HTTP date this many ms from now. */
      retryAfterDateMs?: number;
      body?: unknown;
    }
  | { kind: "reset-before" }
  | { kind: "reset-after" }
  | { kind: "delay"; ms: number }
  | { kind: "slow"; ms: number }
  | { kind: "truncate" }
  | { kind: "non-json"; status?: number; body?: string }
  | { kind: "task-outcome"; state: "failed" | "cancelled" | "timed_out" | "succeeded"; reason?: string };

/** A fault as queued. */
export type FaultInput = FaultSpec & FaultMatch;

/** A queued fault with its remaining count. */
export type Fault = FaultInput & { id: number; remaining: number };

/** Every fault kind, for validation of the HTTP control API. */
export const FAULT_KINDS = [
  "error",
  "status",
  "reset-before",
  "reset-after",
  "delay",
  "slow",
  "truncate",
  "non-json",
  "task-outcome",
] as const;
