import type { CallOptions, OperationDefinition } from "@gen/runtime";
import type { JsonSchema } from "@gen/spec";
import { findEntryPoint } from "./find-entry-point.js";
import { findOperation } from "./find-operation.js";
import { inputJsonSchema } from "./operation-parameters.js";
import type { GeneratedClient, LoadedVendor } from "./vendors.js";

/** What `gen call VENDOR NAME` runs: a generated operation or a hand-written entry point. */
export interface CallTarget {
  id: string;
  operation?: OperationDefinition;
  schema: JsonSchema | undefined;
  invoke(client: GeneratedClient, input: unknown, options?: CallOptions): Promise<unknown>;
  /** The call's cost without making it, where the vendor prices requests (IMA's video flows). */
  estimate?: ((client: GeneratedClient, input: unknown) => Promise<unknown>) | undefined;
}

/** Resolves a name: the vendor's entry points first (by name or method), then its operations. */
export function findCallTarget(vendor: LoadedVendor, name: string): CallTarget {
  const entry = findEntryPoint(vendor.entryPoints, name);
  if (entry) {
    const { estimate } = entry;
    return {
      id: entry.method,
      schema: entry.schema(vendor.module),
      estimate:
        estimate && ((client, input) => estimate(client as unknown as Record<string, unknown>, input)),
      invoke: (client, input, options) => {
        const method = (client as unknown as Record<string, unknown>)[entry.method];
        if (typeof method !== "function")
          throw new Error(`${vendor.entry.packageName} has no ${entry.method}()`);
        return (method as (i: unknown, o?: CallOptions) => Promise<unknown>).call(client, input, options);
      },
    };
  }
  const operation = findOperation(vendor, name);
  return {
    id: operation.id,
    operation,
    schema: inputJsonSchema(operation, vendor.module),
    invoke: (client, input, options) => client.call(operation.id, input, options),
  };
}
