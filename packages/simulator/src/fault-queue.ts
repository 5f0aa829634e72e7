import type { Fault, FaultInput } from "./fault-types.js";
import type { SimOperation } from "./model-index.js";
import type { FaultControl } from "./types.js";

/** What a fault is matched against. */
export interface FaultTarget {
  method: string;
  path: string;
  relativePath?: string;
  operation?: SimOperation;
}

const pathMatches = (pattern: string, path: string | undefined) =>
  path !== undefined && (pattern.endsWith("*") ? path.startsWith(pattern.slice(0, -1)) : path === pattern);

/** The fault queue: each fault applies to the next `times` matching requests, in order. */
export class FaultQueue implements FaultControl {
  private faults: Fault[] = [];
  private nextId = 0;

  add(...faults: FaultInput[]): void {
    for (const f of faults)
      this.faults.push({ ...f, id: ++this.nextId, remaining: Math.max(1, f.times ?? 1) });
  }

  pending(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }

  /** Takes one use of the first matching transport fault (every kind but `task-outcome`). */
  takeTransport(target: FaultTarget): Fault | undefined {
    return this.take(target, (f) => f.kind !== "task-outcome");
  }

  /** Takes one use of the first matching `task-outcome` fault. */
  takeOutcome(target: FaultTarget): Fault | undefined {
    return this.take(target, (f) => f.kind === "task-outcome");
  }

  private take(target: FaultTarget, kind: (f: Fault) => boolean): Fault | undefined {
    const fault = this.faults.find((f) => kind(f) && matches(f, target));
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }
}

function matches(f: Fault, t: FaultTarget): boolean {
  if (f.method && f.method.toUpperCase() !== t.method) return false;
  if (f.operation && !t.operation?.names.includes(f.operation)) return false;
  if (f.path && !pathMatches(f.path, t.path) && !pathMatches(f.path, t.relativePath)) return false;
  return true;
}
