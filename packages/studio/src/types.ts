import type {
  CallOptions,
  InputIssue,
  OperationDefinition,
  Task,
  TaskHandle,
  VendorClient,
} from "@gen/runtime";

/** A JSON Schema object (the input schema of an operation), as the page renders it. */
export type JsonSchemaObject = Record<string, unknown>;

/** The surface of a generated client the studio drives (the same one `gen call` uses). */
export interface StudioClient {
  resume(handle: TaskHandle | string): Task;
  readonly runtime: VendorClient;
}

/** One operation the studio offers: a generated operation or a hand-written entry point. */
export interface StudioOperation {
  /** Generated method name (`t2vWanV26`) or entry-point method (`textToVideo`). */
  id: string;
  /** The vendor's name, or the entry point's command-line name. */
  name: string;
  aliases: readonly string[];
  summary?: string;
  description?: string;
  kind: "create" | "read";
  task: boolean;
  /** Expected duration range of a task, ms (from the catalog). */
  estimatedMs?: readonly [number, number];
  /** Input as JSON Schema (enums, ranges, defaults); absent when not derivable. */
  schema?: JsonSchemaObject;
  /** Defaults the vendor applies when a field is left out (shown as placeholders). */
  vendorDefaults?: Record<string, unknown>;
  /** Generated operation: its validator and rules run for `/api/validate`; absent for entry points. */
  definition?: OperationDefinition;
  /** Checks an entry point makes before any request (generated operations use `definition`). */
  validate?(input: unknown): InputIssue[];
  /** Fields that take local files (the vendor uploads them): the page shows a file picker. */
  fileFields?: readonly string[];
  /** Runs the operation: resolves to a `Task` for task operations, else the result. */
  invoke(client: StudioClient, input: unknown, options?: CallOptions): Promise<unknown>;
}

/** One vendor package the studio offers, with a client built from the server's environment. */
export interface StudioVendor {
  id: string;
  displayName: string;
  packageName: string;
  /** Factory export (`createMediaio`), for the TypeScript snippet. */
  factory: string;
  /** Environment variables of each credential (names only; values never leave the server). */
  credentials: readonly string[];
  /** Whether each credential variable is set in the server's environment. */
  credentialsSet: boolean;
  /** Base URL the client uses when not the vendor's default (simulators, `GEN_<VENDOR>_BASE_URL`). */
  baseUrl?: string;
  operations: readonly StudioOperation[];
  client: StudioClient;
  /** The downloadable URLs of an operation's result (downloaded for preview). */
  resultUrls(operationId: string, result: unknown): string[];
}

/** Where the studio gets its vendors from (the CLI builds it from its vendor registry). */
export interface StudioBackend {
  vendors(): Promise<readonly StudioVendor[]>;
}
