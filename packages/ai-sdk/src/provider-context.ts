import type { SharedV3ProviderOptions } from "@ai-sdk/provider";
import type { OperationDefinition } from "@gen/runtime";
import type { GenClientLike, VendorModule } from "./vendor-sdk.js";

/** What every model of one provider shares. */
export interface ProviderContext {
  vendor: string;
  module: VendorModule;
  /** The client (created on first use, so credentials are read at the first call). */
  client(): GenClientLike;
  /** The result's URL paths: the operation's, else the vendor's task protocol's. */
  urlPaths(op: OperationDefinition): readonly string[] | undefined;
  /** `providerOptions.<vendor>`: polling options apart, everything else goes to the operation as is. */
  providerOptions(options: SharedV3ProviderOptions | undefined): {
    passThrough: Record<string, unknown>;
    wait: { pollIntervalMs?: number; pollTimeoutMs?: number; estimatedMs?: readonly [number, number] };
  };
}
