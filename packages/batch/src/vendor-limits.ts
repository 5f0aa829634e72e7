import PQueue from "p-queue";

/** Per-vendor limits: tasks in flight (create to result) and creates per second. */
export interface VendorLimit {
  /** Jobs in flight at once for the vendor (default 4). */
  concurrency?: number;
  /** Creates started per second at most (default: no limit beyond `concurrency`). */
  createsPerSecond?: number;
}

export const DEFAULT_CONCURRENCY = 4;

/** A vendor's two gates: one for whole jobs, one for create requests (rate). */
export interface VendorGates {
  jobs: PQueue;
  creates: PQueue;
}

/** Builds the gates of each vendor from `limits` (`"*"` applies to vendors not listed). */
export function vendorGates(
  vendors: Iterable<string>,
  limits: Readonly<Record<string, VendorLimit>> = {},
): Map<string, VendorGates> {
  const gates = new Map<string, VendorGates>();
  for (const vendor of vendors) {
    const limit = limitFor(vendor, limits);
    const perSecond = limit.createsPerSecond;
    gates.set(vendor, {
      jobs: new PQueue({ concurrency: limit.concurrency }),
      creates:
        perSecond === undefined
          ? new PQueue({ concurrency: Number.POSITIVE_INFINITY })
          : new PQueue({
              intervalCap: Math.max(1, Math.floor(perSecond)),
              interval: 1000 / Math.min(1, perSecond),
            }),
    });
  }
  return gates;
}

/** The limit of one vendor, defaults filled in. */
export function limitFor(
  vendor: string,
  limits: Readonly<Record<string, VendorLimit>>,
): { concurrency: number; createsPerSecond?: number } {
  const limit = { ...limits["*"], ...limits[vendor] };
  const concurrency = limit.concurrency ?? DEFAULT_CONCURRENCY;
  return limit.createsPerSecond === undefined
    ? { concurrency }
    : { concurrency, createsPerSecond: limit.createsPerSecond };
}
