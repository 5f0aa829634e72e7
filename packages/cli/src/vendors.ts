import type { CallOptions, ClientOptions, EntryPoint, Task, TaskHandle, VendorClient } from "@gen/runtime";
import { discoverVendors, type VendorEntry } from "./discover-vendors.js";
import { importPackageExport } from "./import-package-export.js";

export type { VendorEntry } from "./discover-vendors.js";

/** The surface of a generated client the CLI relies on (see the generated packages' README). */
export interface GeneratedClient {
  call(nameOrAlias: string, input: unknown, options?: CallOptions): Promise<unknown>;
  resume(handle: TaskHandle | string): Task;
  readonly runtime: VendorClient;
}

/** Factory options: runtime client options plus the vendor's credential options. */
export type FactoryOptions = ClientOptions & Record<string, unknown>;

/** A vendor's package once loaded: its factory, the module, and what its manifest names in it. */
export interface LoadedVendor {
  entry: VendorEntry;
  module: Record<string, unknown>;
  create(options: FactoryOptions): GeneratedClient;
  /** Hand-written client methods offered next to the generated operations (manifest `cli.entryPoints`). */
  entryPoints: readonly EntryPoint[];
  /** Credits a create costs, where the vendor states it in the request (manifest `cli.cost`; batch budgets). */
  cost?: (operation: string, input: unknown) => number | undefined;
}

/** Loads a vendor package; `undefined` when it is not installed or exports no factory yet. */
export async function loadVendor(entry: VendorEntry): Promise<LoadedVendor | undefined> {
  const manifest = entry.manifest;
  if (!manifest) return undefined;
  let module: Record<string, unknown>;
  try {
    module = await importPackageExport(entry.dir, ".");
  } catch {
    return undefined;
  }
  const factory = module[manifest.factory];
  if (typeof factory !== "function") return undefined;
  const named = (name: string | undefined) => (name === undefined ? undefined : module[name]);
  const entryPoints = named(manifest.cli?.entryPoints);
  const cost = named(manifest.cli?.cost);
  return {
    entry,
    module,
    create: (options) => (factory as (o: FactoryOptions) => GeneratedClient)(options),
    entryPoints: Array.isArray(entryPoints) ? (entryPoints as EntryPoint[]) : [],
    ...(typeof cost === "function" ? { cost: cost as LoadedVendor["cost"] } : {}),
  };
}

/** The vendor with an id (case-insensitive), or undefined. */
export async function findVendor(cwd: string, id: string): Promise<VendorEntry | undefined> {
  const wanted = id.toLowerCase();
  return (await discoverVendors(cwd)).find((v) => v.id === wanted);
}
