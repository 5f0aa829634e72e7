import type { CallOptions, Task, TaskHandle, VendorClient } from "@gen/runtime";
import type { EntryPoint, GenModel } from "@gen/spec";

/** The surface of a generated vendor client the server uses (every generated package has it). */
export interface VendorClientLike {
  call(nameOrAlias: string, input: unknown, options?: CallOptions): Promise<unknown>;
  resume(handle: TaskHandle | string): Task;
  readonly runtime: VendorClient;
}

/**
 * One installed vendor package, as the caller (the `gen mcp` command) loaded it: its module
 * (operations and zod schemas are read from its exports), a client built with credentials from
 * the server's environment only, and its model (for descriptions; the caller's `vendorModel`) or,
 * without one, the one-line summaries of its manifest.
 */
export interface McpVendor {
  id: string;
  module: Record<string, unknown>;
  client: VendorClientLike;
  model?: GenModel | undefined;
  /** One line per operation id (the manifest's `summary`): the description when there is no model. */
  summaries?: Readonly<Record<string, string>> | undefined;
  /** Hand-written client methods served like operations (the manifest's `cli.entryPoints`: IMA's video flows). */
  entryPoints?: readonly EntryPoint[] | undefined;
}
