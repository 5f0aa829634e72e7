/**
 * Public types of @gen/runtime: the contract between generated vendor packages and the runtime.
 * A vendor package supplies a `VendorDefinition` (pure data) and `OperationDefinition`s; the
 * runtime does everything else. Nothing here names a vendor.
 */

import type { BodyEncoding } from "./encode-body.js";
import type { QueryStyle } from "./encode-query.js";
import type { Limits } from "./limits.js";

export type { BodyEncoding, QueryStyle };

/** The Standard Schema v1 interface (implemented by zod 4), inlined so the runtime needs no dependency. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}
export type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<StandardIssue> };
export interface StandardIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

export type Credential = { option: string; env: readonly string[] };

export type AuthDefinition =
  | { type: "none" }
  | { type: "apiKey"; header: string; credential: Credential; prefix?: string }
  | { type: "basic"; key: Credential; secret: Credential; keyHeader?: string }
  | { type: "bearer"; credential: Credential; headers?: Readonly<Record<string, string>> };

export interface EnvelopeDefinition {
  codeField: string;
  messageField: string;
  dataField: string;
  traceIdField?: string;
  successCodes: ReadonlyArray<string | number>;
}

export type ErrorKind =
  | "authentication"
  | "insufficient_credits"
  | "rate_limited"
  | "content_rejected"
  | "invalid_request"
  | "not_found"
  | "server_error";

export interface ErrorCodeDefinition {
  kind: ErrorKind;
  message: string;
  messages?: Readonly<Record<string, string>>;
  retryable?: boolean;
  /** Extra attempts allowed for a paid create: the vendor did not accept the request. */
  retryCreate?: number;
  /** The vendor's advised wait before a retry of this code (ms): a floor under the backoff, capped by `retry.maxDelayMs`. */
  retryDelayMs?: number;
  /** HTTP status the vendor answers with alongside this code (model data for simulators; the runtime decides on the body code). */
  httpStatus?: number;
}

export type TaskState = "queued" | "running" | "succeeded" | "failed" | "cancelled" | "timed_out";

export interface TaskProtocolDefinition {
  pollOperation: string;
  pollInput: Readonly<Record<string, string>>;
  taskIdPath: string;
  statusPath: string;
  statusMap: Readonly<Record<string, TaskState>>;
  progressPath?: string;
  reasonPath?: string;
  resultPath: string;
  resultEncoding?: "json" | "json-string";
  resultUrlPaths?: readonly string[];
  minDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
}

export interface HostsDefinition {
  api: readonly string[];
  results?: readonly string[];
  uploads?: readonly string[];
  credentialed?: readonly string[];
}

/** Everything the runtime needs to know about a vendor. Pure data, emitted by the generator. */
export interface VendorDefinition {
  id: string;
  displayName: string;
  baseUrl: string;
  hosts: HostsDefinition;
  auth: AuthDefinition;
  envelope?: EnvelopeDefinition;
  errors?: Readonly<Record<string, ErrorCodeDefinition>>;
  /**
   * `sendDefaults`: schema defaults are applied by the input schemas (informational for the runtime).
   * `headers`: constant headers of every API request (e.g. a required API version header).
   */
  request?: { bodyWrapper?: string; sendDefaults?: boolean; headers?: Readonly<Record<string, string>> };
  task?: TaskProtocolDefinition;
  /** Operations by id; the task protocol's `pollOperation` resolves here. */
  operations?: Readonly<Record<string, OperationDefinition>>;
}

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface OperationDefinition<Input = unknown, Output = unknown> {
  /** Generated method name / operationId. */
  id: string;
  /** The vendor's own name, for `call(name)`. */
  name: string;
  aliases?: readonly string[];
  method: HttpMethod;
  /** Path relative to the base URL, with `{param}` placeholders. */
  path: string;
  pathParams?: readonly string[];
  queryParams?: readonly string[];
  /** input field -> header name. */
  headerParams?: Readonly<Record<string, string>>;
  kind: "create" | "read";
  task?: { estimatedMs?: readonly [number, number] };
  constBody?: Readonly<Record<string, unknown>>;
  /** Input schema (lazy: a function is called once, on first use). */
  input?: StandardSchemaV1<unknown, Input> | (() => StandardSchemaV1<unknown, Input>);
  /** Query fields serialised other than `name=value` (OpenAPI style/explode); others stay `name=value`. */
  queryStyles?: Readonly<Record<string, QueryStyle>>;
  /** A non-JSON request body (multipart, form, raw bytes); absent: JSON. */
  body?: BodyEncoding;
  /** A non-JSON success response, returned as bytes (`Uint8Array`) or text. */
  responseType?: "bytes" | "text";
  /** Lenient decode of the unwrapped response data into the typed output. */
  output?: (data: unknown) => Output;
  /**
   * Output field -> dot path(s) into the unwrapped response data (first present wins); the runtime
   * adds each alias to the decoded output next to the raw fields (`x-gen-operation.outputAliases`).
   */
  outputAliases?: Readonly<Record<string, string | readonly string[]>>;
  /** Cross-field rules (data, vendor-neutral); applied by the runtime after validation. */
  rules?: readonly InputRule[];
  /** Hook for rules a schema cannot express; runs after validation, before any request. */
  prepare?: (input: Input) => Input;
}

/** Cross-field input rule; `when` matches when every listed field equals the value (as strings). */
export type InputRule =
  | { rule: "defaultFrom"; field: string; from: string; when?: Readonly<Record<string, unknown>> }
  | { rule: "requiredWhen"; field: string; when: Readonly<Record<string, unknown>>; message?: string }
  | { rule: "forbiddenWhen"; field: string; when: Readonly<Record<string, unknown>>; message?: string }
  | { rule: "count"; field: string; min?: number; max?: number; when?: Readonly<Record<string, unknown>> }
  | { rule: "oneOfRequired"; fields: readonly string[]; message?: string }
  | {
      rule: "excludeWhen";
      field: string;
      values: readonly unknown[];
      when: Readonly<Record<string, unknown>>;
      message?: string;
    };

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface RetryOptions {
  /** Attempts including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Honour a Retry-After up to this long (default 60 s); beyond it the error surfaces with `retryAfterMs`. */
  maxRetryAfterMs?: number;
  /** Observe each retry (logging, metrics): called, and awaited, before the wait. */
  onRetry?: (info: RetryInfo) => void | Promise<void>;
}

/** What `RetryOptions.onRetry` sees before each retry. */
export interface RetryInfo {
  /** The attempt that failed, from 1. */
  attempt: number;
  delayMs: number;
  error: Error;
  method: HttpMethod;
  url: string;
}

export interface ClientOptions {
  baseUrl?: string;
  fetch?: FetchLike;
  timeoutMs?: number;
  headers?: Record<string, string>;
  userAgent?: string;
  /** Opt-in: allow plain http to loopback hosts (simulators and tests). Off by default. */
  allowInsecureLoopback?: boolean;
  retry?: Partial<RetryOptions>;
  /** Environment used to look up credentials; defaults to `process.env` where it exists. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Language for user-facing error messages (`en`, `zh`). */
  language?: string;
  /** A custom transport (takes precedence over `fetch`); defaults to the runtime's own. */
  transport?: Transport;
  /** Size and depth limits on vendor data (see `DEFAULT_LIMITS`). */
  limits?: Limits;
}

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  headers?: Record<string, string>;
  baseUrl?: string;
  /** Escape hatch: extra body fields the catalog does not know, sent as-is. */
  extraBody?: Record<string, unknown>;
}

export interface TaskHandle {
  vendor: string;
  operation: string;
  taskId: string;
  createdAt: string;
}

export interface ProgressEvent {
  status: TaskState;
  /**
   * 0-100: the vendor's value at a poll (shown as is); between polls, or when the vendor gives none,
   * an estimate (interpolated toward the forecast finish, or time-based, capped at 95) that never
   * takes the display back.
   */
  progress: number;
  /** Since this wait started. */
  elapsedMs: number;
  /** Since the task was created (the handle's `createdAt`): more than `elapsedMs` for a resumed task. */
  ageMs?: number;
  polls: number;
  /** Estimated ms until done (0 once overdue); absent on the final event. */
  etaMs?: number;
  /** True for a tick between polls or a time-based estimate, false for a vendor reading. */
  estimated?: boolean;
}

export interface WaitOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  minDelayMs?: number;
  maxDelayMs?: number;
  /** Expected duration range, ms: no dense polling before the task can be done. */
  estimatedMs?: readonly [number, number];
  /**
   * Task age of the first early poll before the estimate's window, ms (default 3000; 0: none
   * before the window). Early polls then grow by `earlyGrowth` (default 2.5) up to the window.
   */
  firstPollMs?: number;
  earlyGrowth?: number;
  /** Polls inside the estimate's window: `W / (perMinDelay x minDelayMs)` within `[min, max]` (default 8-32, 2). */
  windowPolls?: { min?: number; max?: number; perMinDelay?: number };
  /**
   * With `onProgress`: longest gap between progress events, ms (default 1000); ticks between polls
   * carry an estimate and an ETA. 0: events only at polls.
   */
  progressIntervalMs?: number;
  onProgress?: (event: ProgressEvent) => void;
}

export interface TaskSnapshot<Result = unknown> {
  state: TaskState;
  progress?: number;
  reason?: string;
  result?: Result;
  raw: unknown;
}

export interface Task<Result = unknown> {
  readonly handle: TaskHandle;
  readonly taskId: string;
  status(options?: CallOptions): Promise<TaskSnapshot<Result>>;
  wait(options?: WaitOptions): Promise<Result>;
}

export interface DownloadOptions {
  signal?: AbortSignal;
  /** Refuse bodies larger than this (bytes; default `limits.maxDownloadBytes`, 512 MiB). */
  maxBytes?: number;
  /** Accept only these content types (prefix match, e.g. `image/`). */
  accept?: readonly string[];
  /** File name to use (made unique if taken); defaults to the URL's last path segment. */
  fileName?: string;
  /** Give up on the whole transfer after this long (default 10 min); a typed `TimeoutError`. */
  timeoutMs?: number;
}

export interface DownloadResult {
  path: string;
  bytes: number;
  contentType: string;
  url: string;
}

/** One HTTP exchange as the runtime's transports see it (no redirects followed). */
export interface TransportRequest {
  url: string;
  method: HttpMethod;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  signal: AbortSignal;
}

export interface TransportResponse {
  status: number;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string>>;
  /** The body as a stream of chunks; consume it once (text() or body). */
  body: AsyncIterable<Uint8Array>;
  text(): Promise<string>;
  /** Discard the body without reading it (frees the connection). */
  dump(): Promise<void>;
}

/**
 * A transport performs one exchange and never follows redirects. It throws `NetworkError` with
 * `sent: false` only when the request provably never reached the server (connection refused,
 * DNS failure, TLS failure before any byte was written), otherwise `sent: true`.
 */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/** A low-level request through the full pipeline (host policy, auth, redirects, retries, envelope). */
export interface RawRequest {
  method: HttpMethod;
  /** Path relative to the base URL, or an absolute URL (checked by the host policy). */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  /** JSON-serialised when an object. */
  body?: unknown;
  /** `create` requests are never retried once they may have reached the vendor. */
  kind: "create" | "read";
  /** Skip envelope decoding and return the parsed JSON body as is. */
  raw?: boolean;
  /** A success response is not JSON: return its bytes (`Uint8Array`) or text as `data`. */
  responseType?: "bytes" | "text";
  /** Send credentials (default true for API hosts). */
  auth?: boolean;
  signal?: AbortSignal;
  timeoutMs?: number;
  baseUrl?: string;
}

export interface RawResponse<Data = unknown> {
  status: number;
  headers: Readonly<Record<string, string>>;
  /** Unwrapped envelope data (or the whole body when `raw` or no envelope). */
  data: Data;
  /** The vendor's request/trace id, where there is one. */
  requestId?: string;
}

/** A configured client for one vendor: what generated packages and hand-written vendor modules call. */
export interface VendorClient {
  readonly vendor: VendorDefinition;
  readonly options: Readonly<ClientOptions>;
  /** Validate (before any request), apply `prepare`, send, decode. Task operations resolve to a `Task`. */
  invoke<Input, Output>(
    operation: OperationDefinition<Input, Output>,
    input: Input,
    options?: CallOptions,
  ): Promise<Output | Task>;
  request<Data = unknown>(request: RawRequest): Promise<RawResponse<Data>>;
  /** Resume a task from a stored handle or a bare task id. */
  task<Result = unknown>(handle: TaskHandle | string, operation?: string): Task<Result>;
  /** Stream a URL to a file in `dir` through the host policy (results hosts). */
  download(url: string, dir: string, options?: DownloadOptions): Promise<DownloadResult>;
  /**
   * Replace every credential value this client sends with `[redacted]`: for vendor text (a task's
   * failure reason) that goes into an error or a log. Optional: clients built before it may lack it.
   */
  redact?(text: string): string;
}
