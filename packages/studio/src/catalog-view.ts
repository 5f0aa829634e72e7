import type { StudioOperation, StudioVendor } from "./types.js";

/** A vendor as the page sees it. */
export interface VendorView
  extends Pick<StudioVendor, "id" | "displayName" | "packageName" | "credentials" | "credentialsSet"> {
  simulated: boolean;
  operations: OperationView[];
}

/** An operation as the page sees it: what the form needs, never the runner. */
export interface OperationView
  extends Pick<
    StudioOperation,
    | "id"
    | "name"
    | "aliases"
    | "summary"
    | "description"
    | "kind"
    | "task"
    | "estimatedMs"
    | "schema"
    | "vendorDefaults"
  > {
  fileFields: readonly string[];
  rules: NonNullable<NonNullable<StudioOperation["definition"]>["rules"]>;
}

/** What the page gets of a vendor: names, operations and schemas; never a client or a credential. */
export function catalogView(vendors: readonly StudioVendor[]): { vendors: VendorView[] } {
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

function operationView(op: StudioOperation): OperationView {
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
