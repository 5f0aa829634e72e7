import { isGenError } from "@gen/runtime";

/** A job's error as stored in the journal, the queue and the results file (no stack, no secret). */
export interface JobError {
  kind: string;
  message: string;
  code?: string;
  vendor?: string;
  requestId?: string;
  /** Whether a create may have reached the vendor; `false` lets a rerun try again. */
  created: boolean | "unknown";
}

/** Kinds where the vendor answered a create without taking it: nothing was created or paid. */
const NOT_CREATED = new Set([
  "invalid_request",
  "authentication",
  "insufficient_credits",
  "rate_limited",
  "content_rejected",
  "missing_credential",
  "host_not_allowed",
  "budget_exhausted",
]);

/** Serialises an error thrown by a create (`creating`) or by the wait (`waiting`). */
export function toJobError(error: unknown, phase: "creating" | "waiting"): JobError {
  const e = error as {
    kind?: unknown;
    code?: unknown;
    vendor?: unknown;
    requestId?: unknown;
    sent?: unknown;
  };
  const kind = typeof e.kind === "string" ? e.kind : "internal";
  const message = error instanceof Error ? error.message : String(error);
  let created: JobError["created"] = true;
  if (phase === "creating") {
    if (NOT_CREATED.has(kind) || (kind === "network" && e.sent === false)) created = false;
    else created = "unknown";
  }
  const out: JobError = { kind, message, created };
  if (isGenError(error)) {
    if (error.code !== undefined) out.code = error.code;
    if (error.vendor !== undefined) out.vendor = error.vendor;
    if (error.requestId !== undefined) out.requestId = error.requestId;
  }
  return out;
}

/** The error of a job whose create was sent (or may have been) when its process died. */
export function ambiguousJobError(vendor: string): JobError {
  return {
    kind: "ambiguous_submission",
    vendor,
    created: "unknown",
    message:
      "The create may have reached the vendor but its answer was lost (the process stopped mid-create); not sent again to avoid a double charge. Check the vendor's task list, then rerun with --retry-ambiguous to create it again.",
  };
}
