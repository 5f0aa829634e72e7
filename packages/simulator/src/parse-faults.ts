import { FAULT_KINDS, type FaultInput } from "./fault-types.js";

const NUMBER_FIELDS = ["ms", "status", "times", "retryAfterDateMs"];

/** Validates faults sent to `POST /__sim/faults`: one, an array, or `{ faults: [...] }`. */
export function parseFaults(body: unknown): FaultInput[] {
  const list = Array.isArray(body)
    ? body
    : body && typeof body === "object" && Array.isArray((body as { faults?: unknown }).faults)
      ? (body as { faults: unknown[] }).faults
      : [body];
  return list.map((item, i) => {
    if (!item || typeof item !== "object") throw new Error(`faults[${i}]: must be an object`);
    const f = item as Record<string, unknown>;
    if (!FAULT_KINDS.includes(f["kind"] as (typeof FAULT_KINDS)[number])) {
      throw new Error(`faults[${i}].kind: must be one of ${FAULT_KINDS.join(", ")}`);
    }
    for (const key of NUMBER_FIELDS) {
      if (f[key] !== undefined && typeof f[key] !== "number")
        throw new Error(`faults[${i}].${key}: must be a number`);
    }
    if ((f["kind"] === "delay" || f["kind"] === "slow") && typeof f["ms"] !== "number") {
      throw new Error(`faults[${i}].ms: is required for ${String(f["kind"])}`);
    }
    if (f["kind"] === "status" && typeof f["status"] !== "number") {
      throw new Error(`faults[${i}].status: is required for status`);
    }
    if (f["kind"] === "error" && f["code"] === undefined)
      throw new Error(`faults[${i}].code: is required for error`);
    if (f["kind"] === "task-outcome" && typeof f["state"] !== "string") {
      throw new Error(`faults[${i}].state: is required for task-outcome`);
    }
    return f as unknown as FaultInput;
  });
}
