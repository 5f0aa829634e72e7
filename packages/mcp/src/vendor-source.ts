import type { CallOptions, Task, TaskHandle, VendorClient } from "@gen/runtime";
import type { GenModel, JsonSchema } from "@gen/spec";

/** The surface of a generated vendor client the server uses (every generated package has it). */
export interface VendorClientLike {
  call(nameOrAlias: string, input: unknown, options?: CallOptions): Promise<unknown>;
  resume(handle: TaskHandle | string): Task;
  readonly runtime: VendorClient;
}

/** A hand-written client method served like an operation (IMA's model-name video flows). */
export interface EntryPointLike {
  name: string;
  method: string;
  description: string;
  schema(module: Record<string, unknown>): JsonSchema;
}

/**
 * One installed vendor package, as the caller (the `gen mcp` command) loaded it: its module
 * (operations and zod schemas are read from its exports), a client built with credentials from
 * the server's environment only, and the model it ships (`openapi.gen.json`, for descriptions).
 */
export interface McpVendor {
  id: string;
  module: Record<string, unknown>;
  client: VendorClientLike;
  model?: GenModel | undefined;
  entryPoints?: readonly EntryPointLike[] | undefined;
}
