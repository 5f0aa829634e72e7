import type { StudioOperation, StudioVendor } from "./types.js";

/** What the page gets of a vendor: names, operations and schemas; never a client or a credential. */
export function catalogView(vendors: readonly StudioVendor[]) {
  return {
    vendors: vendors.map((v) => ({
      id: v.id,
      displayName: v.displayName,
      packageName: v.packageName,
      credentials: v.credentials,
      credentialsSet: v.credentialsSet,
      simulated: v.baseUrl !== undefined,
      operations: v.operations.map(operationView),
    })),
  };
}

function operationView(op: StudioOperation) {
  return {
    id: op.id,
    name: op.name,
    aliases: op.aliases,
    summary: op.summary,
    description: op.description,
    kind: op.kind,
    task: op.task,
    estimatedMs: op.estimatedMs,
    schema: op.schema,
    vendorDefaults: op.vendorDefaults,
    fileFields: op.fileFields ?? [],
    rules: op.definition?.rules ?? [],
  };
}
