import type { ProgressEvent, TaskHandle } from "@gen/runtime";
import type { CodeSnippets } from "./code-snippets.js";

/** Lifecycle of a run in the studio. `stopped`: waiting cancelled or the server restarted; resumable. */
export type RunState = "running" | "succeeded" | "failed" | "stopped";

/** A result file, downloaded through the runtime's safe download and served by the studio. */
export interface RunFile {
  /** Path under `/api/files/`. */
  href: string;
  contentType: string;
  bytes: number;
  /** The vendor URL it came from. */
  url: string;
}

/** What the history keeps of one run (never a credential). */
export interface RunRecord {
  id: string;
  vendor: string;
  operation: string;
  input: unknown;
  createdAt: string;
  state: RunState;
  /** The task handle, stored the moment the task is created. */
  handle?: TaskHandle;
  progress?: ProgressEvent;
  result?: unknown;
  files?: RunFile[];
  error?: { message: string; kind?: string; issues?: unknown };
  code: CodeSnippets;
}
