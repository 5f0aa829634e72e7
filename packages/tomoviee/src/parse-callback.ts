import {
  DEFAULT_LIMITS,
  deeperThan,
  InvalidResponseError,
  isGenError,
  LimitExceededError,
  parseJsonBounded,
  readTaskSnapshot,
  type TaskState,
} from "@gen/runtime";
import type { TomovieeTaskResult } from "./types.gen.js";
import { tomovieeVendor } from "./vendor.gen.js";

/** A Tomoviee task notification, decoded and checked. */
export interface TomovieeCallback<Result = TomovieeTaskResult> {
  taskId: string;
  /** Canonical state (`succeeded`, `failed`, ...). */
  state: TaskState;
  /** The vendor's status code: 1 queued, 2 processing, 3 success, 4 failed, 5 cancelled, 6 timeout. */
  status: number;
  /** The decoded `result` JSON string, on success. */
  result?: Result;
  reason?: string;
  /** The opaque `params` string given at creation, echoed back. */
  params?: string;
  /** The parsed body as received. */
  raw: Record<string, unknown>;
}

/**
 * Parses the body Tomoviee POSTs to a task's `callback` URL (`{task_id, status, result, params}`:
 * status as number or string, result as a JSON string), so a webhook receiver can take results
 * instead of polling. Accepts the raw body (string or bytes) or an already-parsed object.
 *
 * Throws `InvalidResponseError` (carrying the raw text) when the body is not JSON, a field is
 * missing or malformed, or the result string is not valid JSON. The callback is not signed by
 * the vendor: before acting on it, confirm with `client.resume(callback.taskId).status()`.
 */
export function parseCallback<Result = TomovieeTaskResult>(body: unknown): TomovieeCallback<Result> {
  const raw = toObject(body);
  const bad = (message: string) =>
    new InvalidResponseError(`Invalid Tomoviee callback: ${message}`, {
      vendor: "tomoviee",
      raw: preview(raw),
    });
  const taskId = raw.task_id;
  if (
    !(
      (typeof taskId === "string" && taskId !== "") ||
      (typeof taskId === "number" && Number.isFinite(taskId))
    )
  ) {
    throw bad("task_id must be a non-empty string");
  }
  const protocol = tomovieeVendor.task;
  if (!protocol) throw bad("the vendor definition has no task protocol");
  const status = Number(typeof raw.status === "string" ? raw.status.trim() || Number.NaN : raw.status);
  if (!Number.isInteger(status) || protocol.statusMap[String(status)] === undefined) {
    throw bad(`status must be one of ${Object.keys(protocol.statusMap).join(", ")} (number or string)`);
  }
  const snapshot = readTaskSnapshot<Result>(protocol, { ...raw, status }, "tomoviee");
  if (snapshot.result !== undefined && !isPlainObject(snapshot.result))
    throw bad("result must be a JSON object");
  const callback: TomovieeCallback<Result> = { taskId: String(taskId), state: snapshot.state, status, raw };
  if (snapshot.result !== undefined) callback.result = snapshot.result;
  if (snapshot.reason !== undefined) callback.reason = snapshot.reason;
  if (raw.params !== undefined && raw.params !== null && raw.params !== "") {
    if (typeof raw.params !== "string" && typeof raw.params !== "number")
      throw bad("params must be a string");
    callback.params = String(raw.params);
  }
  return callback;
}

function toObject(body: unknown): Record<string, unknown> {
  let value = body;
  if (typeof body === "string" || body instanceof Uint8Array) {
    const text = typeof body === "string" ? body : new TextDecoder().decode(body);
    try {
      value = parseJsonBounded(text, undefined, "The callback body", { vendor: "tomoviee" });
    } catch (error) {
      if (isGenError(error)) throw error;
      throw new InvalidResponseError("Invalid Tomoviee callback: the body is not JSON", {
        vendor: "tomoviee",
        raw: text,
      });
    }
  }
  if (deeperThan(value)) {
    throw new LimitExceededError("maxJsonDepth", DEFAULT_LIMITS.maxJsonDepth, "The callback body nesting", {
      vendor: "tomoviee",
    });
  }
  if (!isPlainObject(value)) {
    throw new InvalidResponseError("Invalid Tomoviee callback: the body must be a JSON object", {
      vendor: "tomoviee",
      raw: preview(value),
    });
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function preview(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
