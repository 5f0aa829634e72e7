import type { DownloadResult, Task, TaskHandle } from "@gen/runtime";

/** What a create answered: a task to wait for (with its handle), or a result at once. */
export type CreateOutcome = { task: Task; handle: TaskHandle } | { result: unknown };

/** One vendor client as the batch uses it (credentials come from the environment it was opened with). */
export interface BatchClient {
  /** Throws the vendor's `MissingCredentialError` when a credential is absent (no request sent). */
  checkCredentials(): void;
  /** Sends the paid create; the input was validated before. */
  create(operation: string, input: unknown, signal?: AbortSignal): Promise<CreateOutcome>;
  /** A task for a stored handle (resume after a crash). */
  resume(handle: TaskHandle): Task;
  /** The downloadable URLs of a result of `operation`. */
  resultUrls(operation: string, result: unknown): string[];
  /** Streams a result URL into `dir` through the runtime's host policy. */
  download(url: string, dir: string): Promise<DownloadResult>;
}

/**
 * Where the batch gets vendors from (the CLI passes its vendor registry). Nothing in this package
 * names a vendor.
 */
export interface BatchSource {
  /** Vendor ids known, for messages. */
  vendors(): readonly string[];
  /**
   * Checks one job with the vendor package's own validation (schema, cross-field rules) without any
   * request; resolves to the operation's canonical id. Throws `InvalidRequestError` (or an error
   * naming the unknown vendor / operation).
   */
  validate(vendor: string, operation: string, input: unknown): Promise<string>;
  /**
   * Credits a create will cost, where the vendor states or prices it (a free read is allowed, e.g.
   * IMA's live product list); else undefined. Throwing makes the line invalid.
   */
  cost?(vendor: string, operation: string, input: unknown): number | undefined | Promise<number | undefined>;
  /** Opens a client for a vendor, reading credentials from `env`. */
  open(vendor: string, env: Readonly<Record<string, string | undefined>>): Promise<BatchClient>;
}
