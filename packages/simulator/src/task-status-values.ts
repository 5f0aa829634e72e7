import type { XGenTaskProtocol } from "@gen/spec";
import type { TaskState } from "./types.js";

const FALLBACK: Record<TaskState, TaskState[]> = {
  queued: ["queued", "running"],
  running: ["running", "queued"],
  succeeded: ["succeeded"],
  failed: ["failed"],
  cancelled: ["cancelled", "failed"],
  timed_out: ["timed_out", "failed"],
};

/**
 * Vendor status value per canonical state: overrides first, else the first vendor spelling in
 * `statusMap` (numeric spellings as numbers), else a related state's spelling, else the state.
 */
export function taskStatusValues(
  protocol: XGenTaskProtocol | undefined,
  ...overrides: Array<Partial<Record<TaskState, string | number>> | undefined>
): Record<TaskState, string | number> {
  const out = {} as Record<TaskState, string | number>;
  const entries = Object.entries(protocol?.statusMap ?? {});
  for (const state of Object.keys(FALLBACK) as TaskState[]) {
    const override = overrides.reduce<string | number | undefined>((acc, o) => o?.[state] ?? acc, undefined);
    if (override !== undefined) {
      out[state] = override;
      continue;
    }
    const spelling = FALLBACK[state]
      .map((s) => entries.find(([, v]) => v === s)?.[0])
      .find((v) => v !== undefined);
    out[state] = spelling === undefined ? state : /^-?\d+$/.test(spelling) ? Number(spelling) : spelling;
  }
  return out;
}
