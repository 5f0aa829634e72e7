import type { GenModel, XGenVendor } from "@gen/spec";
import { getVendor } from "@gen/spec";
import { EnumRegistry } from "./enum-registry.js";
import { camelCase, pascalCase } from "./names.js";
import { type OperationPlan, planOperations } from "./operation-plan.js";

/** Shared state of one vendor package emission. */
export interface EmitContext {
  model: GenModel;
  vendor: XGenVendor;
  plans: OperationPlan[];
  enums: EnumRegistry;
  /** Catalog path named in headers (relative to the repository root). */
  catalog: string;
  /** `createMediaio`. */
  factory: string;
  /** `Mediaio`: prefix of vendor-level type names. */
  typeBase: string;
  /** Default instance name (`mediaio`). */
  instance: string;
  /** Output directory of the package, relative to the repository root (posix). */
  outDir: string;
  /** Name of the decoded task-result type, when the vendor has tasks. */
  taskResultType?: string;
}

/** Builds the emit context of a validated model. */
export function createEmitContext(model: GenModel, catalog: string, outDir: string): EmitContext {
  const vendor = getVendor(model);
  const typeBase = pascalCase(vendor.id);
  const ctx: EmitContext = {
    model,
    vendor,
    plans: planOperations(model),
    enums: new EnumRegistry(),
    catalog,
    outDir,
    factory: vendor.factory ?? `create${typeBase}`,
    typeBase,
    instance: camelCase(vendor.id),
  };
  if (model["x-gen-task-protocol"]) ctx.taskResultType = `${typeBase}TaskResult`;
  return ctx;
}
