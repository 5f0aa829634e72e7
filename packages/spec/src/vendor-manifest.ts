import type { JsonSchema, XGenHosts } from "./x-gen.js";

/**
 * What a vendor package says about itself, exported as `<package>/manifest` (`src/manifest.ts`,
 * which spreads the generated `src/manifest.gen.ts`). Every consumer (the `gen` CLI and its
 * mcp/studio/batch commands, simulators, the demo, reliability tests) discovers vendors by reading
 * these, so adding a vendor touches one place: its package. JSON-safe: module members are named,
 * never embedded, so reading a manifest loads no SDK code.
 */
export interface VendorManifest {
  manifestVersion: 1;
  /** Vendor id (lower-case): the CLI's vendor name. */
  id: string;
  displayName: string;
  packageName: string;
  /** Name of the package's client factory export (`createMediaio`). */
  factory: string;
  /** Default base URL and the hosts the SDK may contact. */
  baseUrl: string;
  hosts: XGenHosts;
  env: VendorManifestEnv;
  /** The generated operations (`gen list`, `gen call`). */
  operations: VendorManifestOperation[];
  /** Hand-written client methods the CLI offers next to the operations (IMA's video flows). */
  cli?: VendorManifestCli;
  /** Simulator behaviour the model cannot express. */
  simulator?: VendorManifestSimulator;
  /** One small real call: `pnpm demo` runs it through `gen call`, reliability tests create with it. */
  example?: VendorManifestExample;
}

/** A call that shows the vendor working (against its simulator). */
export interface VendorManifestExample {
  /** What `gen call` takes: an operation id, one of its names or aliases, or an entry point (`text_to_video`). */
  operation: string;
  /** Input fields, as `gen call --set name=value` gives them. */
  input: Record<string, string>;
  /** Id of the paid create operation it sends (what a simulator's ledger counts). */
  creates: string;
}

/** Environment variables a vendor is configured from. */
export interface VendorManifestEnv {
  /** Each credential's client option and the variables it is read from (first wins). */
  credentials: Array<{ option: string; env: string[] }>;
  /** Base URL override the CLI reads (`GEN_<ID>_BASE_URL`). */
  baseUrl: string;
  /** `host=loopback URL` pairs the CLI reads (`GEN_<ID>_CONNECT_TO`). */
  connectTo: string;
}

/** One generated operation. */
export interface VendorManifestOperation {
  /** Operation id (`textToImage`). */
  id: string;
  /** The catalog's name, when it differs from the id. */
  name: string;
  kind: "create" | "read";
  task: boolean;
  /**
   * One line about the operation (the catalog's summary, else its description's first sentence;
   * at most 120 characters): what `gen list`, `gen mcp` and studio show when the package ships no
   * model. Absent when the catalog says nothing.
   */
  summary?: string;
}

/** Names of package-index exports the CLI uses besides the factory. */
export interface VendorManifestCli {
  /** Export holding `readonly EntryPoint[]` (`imaEntryPoints`). */
  entryPoints?: string;
  /** Export holding a `(operation, input) => number | undefined` credit cost (batch budgets). */
  cost?: string;
}

/** Where the vendor's simulator plugin lives. */
export interface VendorManifestSimulator {
  /**
   * Module specifier of a module whose default export is a `SimulatorPlugin`: a bare specifier
   * (`@gen/simulator/vendors/ima`) or one relative to the package root (`./dist/simulator.js`).
   */
  plugin: string;
}

/** One issue a hand-written entry point finds in an input (same shape as the runtime's `InputIssue`). */
export interface EntryPointIssue {
  field: string;
  rule: string;
  message: string;
}

/**
 * A hand-written client method the CLI exposes like an operation (e.g. IMA's video flows, which
 * take a model name and pick the product, price and body themselves). Called as
 * `client[method](input, callOptions)`; it resolves to a result or a task. Exported by the vendor
 * package (named in its manifest's `cli.entryPoints`); `module` is the package's own module.
 */
export interface EntryPoint {
  /** Name on the command line (`text_to_video`); the method name is accepted too. */
  name: string;
  /** Client method (`textToVideo`). */
  method: string;
  description: string;
  /** Input schema, for `gen list` and `--set` value types; the method validates the input itself. */
  schema(module: Record<string, unknown>): JsonSchema;
  /** What the call would cost, without making it (`gen call ... --estimate-cost`), where the vendor prices requests. */
  estimate?(client: Record<string, unknown>, input: unknown): Promise<unknown>;
  /**
   * The checks the method makes before any request, as issues (empty: valid); `gen studio` runs
   * them as the user types. Optional: without it only the schema's required fields are checked.
   */
  validate?(module: Record<string, unknown>, input: unknown): EntryPointIssue[];
}
