import type { CallOptions, ClientOptions, Task, TaskHandle, VendorClient } from "@gen/runtime";
import type { EntryPoint } from "./vendors/entry-point.js";
import { imaCost } from "./vendors/ima-cost.js";
import { IMA_ENTRY_POINTS } from "./vendors/ima-entry-points.js";

/** The surface of a generated client the CLI relies on (see the generated packages' README). */
export interface GeneratedClient {
  call(nameOrAlias: string, input: unknown, options?: CallOptions): Promise<unknown>;
  resume(handle: TaskHandle | string): Task;
  readonly runtime: VendorClient;
}

/** Factory options: runtime client options plus the vendor's credential options. */
export type FactoryOptions = ClientOptions & Record<string, unknown>;

/** One vendor the CLI knows: its package and how to load it. */
export interface VendorEntry {
  id: string;
  packageName: string;
  factory: string;
  load: () => Promise<Record<string, unknown>>;
  /** Hand-written client methods offered next to the generated operations. */
  entryPoints?: readonly EntryPoint[];
  /** Credits a create costs, where the vendor states it in the request (batch budgets). */
  cost?: (operation: string, input: unknown) => number | undefined;
}

/**
 * Vendor id -> package factory. Each package is loaded on demand, so the CLI works with whichever
 * packages are installed (a missing or not-yet-generated package is reported, not fatal).
 */
export const VENDORS: readonly VendorEntry[] = [
  {
    id: "mediaio",
    packageName: "@gen/mediaio",
    factory: "createMediaio",
    load: () => import("@gen/mediaio"),
  },
  {
    id: "tomoviee",
    packageName: "@gen/tomoviee",
    factory: "createTomoviee",
    load: () => import("@gen/tomoviee"),
  },
  {
    id: "edrawmax",
    packageName: "@gen/edrawmax",
    factory: "createEdrawmax",
    load: () => import("@gen/edrawmax"),
  },
  {
    id: "ima",
    packageName: "@gen/ima",
    factory: "createIma",
    load: () => import("@gen/ima"),
    entryPoints: IMA_ENTRY_POINTS,
    cost: imaCost,
  },
];

/** A vendor's package once loaded: its factory and the module itself (for hand-written entry points). */
export interface LoadedVendor {
  entry: VendorEntry;
  module: Record<string, unknown>;
  create(options: FactoryOptions): GeneratedClient;
}

/** Loads a vendor package; `undefined` when it is not installed or exports no factory yet. */
export async function loadVendor(entry: VendorEntry): Promise<LoadedVendor | undefined> {
  let module: Record<string, unknown>;
  try {
    module = await entry.load();
  } catch {
    return undefined;
  }
  const factory = module[entry.factory];
  if (typeof factory !== "function") return undefined;
  return {
    entry,
    module,
    create: (options) => (factory as (o: FactoryOptions) => GeneratedClient)(options),
  };
}

/** The registry entry for an id (case-insensitive), or undefined. */
export function findVendor(id: string): VendorEntry | undefined {
  const wanted = id.toLowerCase();
  return VENDORS.find((v) => v.id === wanted);
}
