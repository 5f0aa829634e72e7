import type { FaultQueue } from "./fault-queue.js";
import type { Ledger } from "./ledger.js";
import { parseFaults } from "./parse-faults.js";
import type { TaskStore } from "./task-store.js";
import type { SimResponse, TaskOutcome } from "./types.js";

/** What the control API acts on. */
export interface ControlTarget {
  faults: FaultQueue;
  ledger: Ledger;
  tasks: TaskStore;
  reset(): void;
}

const OUTCOMES = ["succeeded", "failed", "cancelled", "timed_out"];
const bad = (message: string): SimResponse => ({ status: 400, json: { error: message } });

/** Serves `/__sim/faults`, `/__sim/ledger`, `/__sim/reset`, `/__sim/tasks/<id>/outcome`. */
export function controlApi(method: string, path: string, body: unknown, sim: ControlTarget): SimResponse {
  if (path === "/__sim/faults") {
    if (method === "GET") return { json: sim.faults.pending() };
    if (method === "DELETE") {
      sim.faults.clear();
      return { json: { cleared: true } };
    }
    if (method === "POST") {
      try {
        const faults = parseFaults(body);
        sim.faults.add(...faults);
        return { json: { queued: faults.length } };
      } catch (e) {
        return bad((e as Error).message);
      }
    }
  }
  if (path === "/__sim/ledger" && method === "GET") return { json: sim.ledger.toJSON() };
  if (path === "/__sim/reset" && method === "POST") {
    sim.reset();
    return { json: { reset: true } };
  }
  const outcome = /^\/__sim\/tasks\/([^/]+)\/outcome$/.exec(path);
  if (outcome && method === "POST") {
    const b = (body ?? {}) as Partial<TaskOutcome>;
    if (!OUTCOMES.includes(String(b.state))) return bad(`state: must be one of ${OUTCOMES.join(", ")}`);
    const id = decodeURIComponent(outcome[1]!);
    const ok = sim.tasks.setOutcome(id, { state: b.state!, ...(b.reason ? { reason: b.reason } : {}) });
    return ok ? { json: { updated: id } } : { status: 404, json: { error: `task ${id} not found` } };
  }
  return { status: 404, json: { error: `no control endpoint ${method} ${path}` } };
}
