export type { CodeSnippets } from "./code-snippets.js";
export { defaultDataDir } from "./default-data-dir.js";
export { HISTORY_LIMIT } from "./history-store.js";
export type { RunFile, RunRecord, RunState } from "./run-record.js";
export { type Studio, type StudioOptions, startStudio } from "./start-studio.js";
export type {
  JsonSchemaObject,
  StudioBackend,
  StudioClient,
  StudioOperation,
  StudioVendor,
} from "./types.js";
