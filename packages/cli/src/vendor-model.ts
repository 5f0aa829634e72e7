import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { GenModel } from "@gen/spec";
import type { VendorEntry } from "./discover-vendors.js";

/** A vendor's normalised model and where it came from; `problem` says why there is none. */
export interface VendorModel {
  model?: GenModel;
  source?: "package" | "catalog";
  problem?: string;
}

const cache = new Map<string, Promise<VendorModel>>();

/**
 * The model of a vendor: the `openapi.gen.json` its package ships (gen.config `shipModel`); else,
 * for a vendor of the nearest gen.config.json whose catalog is on disk, the model @gen/codegen's
 * loader builds from that catalog (overlay and plugins included); else none, with the reason.
 * Cached per process (building a large catalog takes a moment).
 */
export function vendorModel(entry: VendorEntry): Promise<VendorModel> {
  const key = `${entry.config ?? ""}\0${entry.dir}\0${entry.id}`;
  let found = cache.get(key);
  if (!found) {
    found = readVendorModel(entry);
    cache.set(key, found);
  }
  return found;
}

async function readVendorModel(entry: VendorEntry): Promise<VendorModel> {
  const shipped = join(entry.dir, "openapi.gen.json");
  if (existsSync(shipped)) {
    try {
      return { model: JSON.parse(await readFile(shipped, "utf8")) as GenModel, source: "package" };
    } catch (error) {
      return { problem: `${shipped} is not a readable model: ${(error as Error).message}` };
    }
  }
  if (!entry.config) return { problem: `${entry.packageName} ships no model (openapi.gen.json)` };
  return buildFromCatalog(entry, entry.config);
}

async function buildFromCatalog(entry: VendorEntry, config: string): Promise<VendorModel> {
  let codegen: typeof import("@gen/codegen");
  try {
    codegen = await import("@gen/codegen");
  } catch {
    return {
      problem: `${entry.packageName} ships no model, and building it from the catalog needs @gen/codegen, which is not installed`,
    };
  }
  try {
    const root = dirname(config);
    const loaded = await codegen.loadGenConfig(root);
    const job = (await codegen.collectJobs(root, loaded.config)).find(
      (j) => j.root === root && j.vendor.id === entry.id,
    );
    if (!job) return { problem: `${config} lists no vendor "${entry.id}"` };
    if (!existsSync(join(job.root, job.vendor.catalog)))
      return {
        problem: `${entry.packageName} ships no model and its catalog ${job.vendor.catalog} is missing`,
      };
    const built = await codegen.loadVendorModel(job.root, job.vendor, job.adapters);
    const error = built.diagnostics.find((d) => d.severity === "error");
    if (error) return { problem: `the catalog ${job.vendor.catalog} does not load: ${error.message}` };
    return { model: built.model, source: "catalog" };
  } catch (error) {
    return {
      problem: `the model of ${entry.id} cannot be built from ${config}: ${(error as Error).message}`,
    };
  }
}
