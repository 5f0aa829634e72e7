export { CliError, usageError } from "./cli-error.js";
export type { CliIo, TextSink } from "./cli-io.js";
export { processIo } from "./cli-io.js";
export { discoverVendors, type VendorEntry } from "./discover-vendors.js";
export { exitCodeFor } from "./exit-code-for.js";
export { EXIT, EXIT_TABLE, type ExitCode } from "./exit-codes.js";
export { main } from "./main.js";
export type { GeneratedClient } from "./vendors.js";
