import type {
  PlanOperation,
  ReadonlyDeep,
  VendorPlan,
  XGenAuth,
  XGenCredential,
  XGenEnvelope,
  XGenErrorCode,
  XGenErrorKind,
  XGenHosts,
  XGenRule,
  XGenTaskState,
} from "@gen/spec";

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

// The plan's data types are @gen/spec's, read-only: one definition, type-only (no bytes added).
export type Credential = ReadonlyDeep<XGenCredential>;
export type AuthDefinition = ReadonlyDeep<XGenAuth>;
export type EnvelopeDefinition = ReadonlyDeep<XGenEnvelope>;
export type ErrorKind = XGenErrorKind;
export type ErrorCodeDefinition = ReadonlyDeep<XGenErrorCode>;
export type TaskState = XGenTaskState;
export type TaskProtocolDefinition = ReadonlyDeep<NonNullable<VendorPlan["task"]>>;
export type HostsDefinition = ReadonlyDeep<XGenHosts>;

/** Everything the runtime needs to know about a vendor: the vendor's plan (pure data, emitted by the generator). */
export interface VendorDefinition extends ReadonlyDeep<Omit<VendorPlan, "operations">> {
  /** Operations by id; the task protocol's `pollOperation` resolves here. */
  operations?: Readonly<Record<string, OperationDefinition>>;
}

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** One operation: its plan (`PlanOperation`, data) plus the code the generator emits next to it. */
export interface OperationDefinition<Input = unknown, Output = unknown> extends ReadonlyDeep<PlanOperation> {
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
  /** Hook for rules a schema cannot express; runs after validation, before any request. */
  prepare?: (input: Input) => Input;
}

/** Cross-field input rule (semantics: `checkRules`; `XGenRule` in @gen/spec documents each kind). */
export type InputRule = ReadonlyDeep<XGenRule>;

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

/**
 * Options of every `create<Vendor>(options)`. Every field is optional and accepts `undefined`
 * (so `createMediaio({ apiKey: process.env.MEDIAIO_API_KEY })` compiles under
 * `exactOptionalPropertyTypes`); `undefined` means "the default".
 */
export interface ClientOptions {
  /**
   * The vendor API's base URL. Default: `GEN_<VENDOR>_BASE_URL` from `env` when set (the lines
   * `gen mock` prints; a loopback URL there needs no `allowInsecureLoopback`), else the vendor's.
   * @example "http://127.0.0.1:4500" // a `gen mock` simulator, with allowInsecureLoopback: true
   */
  baseUrl?: string | undefined;
  /** A `fetch` to send requests with (browsers, edge runtimes, tests). Default: undici on Node, global fetch elsewhere. */
  fetch?: FetchLike | undefined;
  /** Per-request time limit, ms (each attempt; a task's `wait` has its own). Default 60 000 (60 s). */
  timeoutMs?: number | undefined;
  /** Extra headers on every API request (never on downloads from result hosts). Default none. */
  headers?: Record<string, string> | undefined;
  /** The `User-Agent` header. Default `@gen/<vendor> (runtime <version>)`. */
  userAgent?: string | undefined;
  /**
   * Allow plain `http://` to loopback hosts (127.0.0.0/8, localhost, [::1]) — the simulators and
   * tests. Default false: only https, only to the vendor's hosts.
   */
  allowInsecureLoopback?: boolean | undefined;
  /** Retries of reads and polls (a paid create is never retried once it may have been sent). Default 3 attempts, 250 ms base, 8 s cap. */
  retry?: Partial<RetryOptions> | undefined;
  /** Environment for credentials and `GEN_<VENDOR>_BASE_URL`. Default `process.env` where it exists. */
  env?: Readonly<Record<string, string | undefined>> | undefined;
  /** Language of user-facing error messages (`en`, `zh`). Default `en`. */
  language?: string | undefined;
  /** A custom transport (takes precedence over `fetch`). Default: the runtime's own (undici on Node). */
  transport?: Transport | undefined;
  /** Observe every HTTP attempt (logging, metrics, tracing); events are redacted. Default none. */
  hooks?: ClientHooks | undefined;
  /** Where the runtime logs: `console` or any object with debug/info/warn/error. Default none (silent). */
  logger?: Logger | undefined;
  /** The least severe level `logger` gets: each attempt is `debug`, a failed attempt `warn`. Default `info`. */
  logLevel?: LogLevel | undefined;
  /** Size and depth limits on vendor data (see `DEFAULT_LIMITS`: 32 MiB answers, depth 256, 512 MiB downloads). */
  limits?: Limits | undefined;
}

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

/** A logger: `console` fits. Each method gets a message and the redacted event. */
export interface Logger {
  debug?(message: string, event?: object): void;
  info?(message: string, event?: object): void;
  warn?(message: string, event?: object): void;
  error?(message: string, event?: object): void;
}

/**
 * Request/response hooks: called for every attempt (retries and redirects included), after
 * redaction — credential headers read `[redacted]`, credential values never appear. A hook that
 * throws is ignored.
 */
export interface ClientHooks {
  onRequest?: ((event: RequestEvent) => void) | undefined;
  onResponse?: ((event: ResponseEvent) => void) | undefined;
}

/** One attempt about to be sent. */
export interface RequestEvent {
  vendor: string;
  method: HttpMethod;
  /** The URL (credential values redacted). */
  url: string;
  /** From 1; retries count up. */
  attempt: number;
  /** Request headers (lower-case), credential headers `[redacted]`. */
  headers: Readonly<Record<string, string>>;
}

/** One attempt's outcome: the HTTP status, or the error when there was no usable answer. */
export interface ResponseEvent extends Omit<RequestEvent, "headers"> {
  /** Response headers (lower-case; empty when no response arrived), values redacted. */
  headers: Readonly<Record<string, string>>;
  /** HTTP status; 0 when no response arrived. */
  status: number;
  durationMs: number;
  /** The error of a failed attempt (name and redacted message), when it failed. */
  error?: { name: string; message: string } | undefined;
  /** The vendor's request/trace id, when it gave one. */
  requestId?: string | undefined;
}

/** Options of one call (`client.<operation>(input, options)`, `call(name, input, options)`). */
export interface CallOptions {
  /** Abort the call (an aborted paid create may still have reached the vendor). Default none. */
  signal?: AbortSignal | undefined;
  /** Time limit of this request, ms. Default the client's `timeoutMs` (60 s). */
  timeoutMs?: number | undefined;
  /** Extra headers for this request only. Default none. */
  headers?: Record<string, string> | undefined;
  /** Base URL for this request only (same host policy). Default the client's. */
  baseUrl?: string | undefined;
  /** Escape hatch: extra body fields the catalog does not know, sent as-is (`--extra` on the CLI). Default none. */
  extraBody?: Record<string, unknown> | undefined;
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

/** Options of `task.wait()`. */
export interface WaitOptions {
  /** Stop waiting (the task goes on at the vendor: resume it from `task.handle`). Default none. */
  signal?: AbortSignal | undefined;
  /** Give up waiting after this long, ms (`TimeoutError`; resumable). Default 1 800 000 (30 min). */
  timeoutMs?: number | undefined;
  /** Shortest pause between polls, ms. Default 1 000 (or the catalog's value). */
  minDelayMs?: number | undefined;
  /** Longest pause between polls, ms. Default 15 000 (or the catalog's value). */
  maxDelayMs?: number | undefined;
  /** Expected duration range, ms: no dense polling before the task can be done. Default the catalog's estimate. */
  estimatedMs?: readonly [number, number] | undefined;
  /**
   * Task age of the first early poll before the estimate's window, ms (default 6000; 0: none
   * before the window). Early polls then grow by `earlyGrowth` (default 100) up to the window.
   * Without an estimate: the second poll (after the one at once).
   */
  firstPollMs?: number | undefined;
  /** Growth factor of the early polls before the estimate's window. Default 100 (one early poll). */
  earlyGrowth?: number | undefined;
  /**
   * Poll at the estimate's lower bound after early polls. Default: when the vendor reports progress
   * (its reading starts the forecast); else the window's first poll comes just after it.
   */
  lowerBoundPoll?: boolean | undefined;
  /** Polls inside the estimate's window: `W / (perMinDelay x minDelayMs)` within `[min, max]` (default 8-64, 1). */
  windowPolls?: { min?: number; max?: number; perMinDelay?: number } | undefined;
  /**
   * How a progress-reporting vendor's readings steer the polls (default `PROGRESS_FORECAST`):
   * `curvature` (0.5) pulls the forecast finish toward where an accelerating task will be done (0:
   * linear), `recheckShare` (0.5) of one point's time between re-checks once the forecast has
   * passed, `earlyReading` (true) lets the early poll's reading widen the trusted horizon and
   * measure acceleration. `{ curvature: 0, recheckShare: 1, earlyReading: false }` is the previous
   * forecast.
   */
  forecast?: { curvature?: number; recheckShare?: number; earlyReading?: boolean } | undefined;
  /**
   * With `onProgress`: longest gap between progress events, ms (default 1000); ticks between polls
   * carry an estimate and an ETA. 0: events only at polls.
   */
  progressIntervalMs?: number | undefined;
  /** Called at each poll (and between polls, see `progressIntervalMs`) with the state and a 0-100 progress. Default none. */
  onProgress?: ((event: ProgressEvent) => void) | undefined;
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

/** Options of `client.download(url, dir)`. */
export interface DownloadOptions {
  /** Abort the transfer (the partial file is removed). Default none. */
  signal?: AbortSignal | undefined;
  /** Refuse bodies larger than this (bytes). Default `limits.maxDownloadBytes` (512 MiB). */
  maxBytes?: number | undefined;
  /** Accept only these content types (prefix match, e.g. `image/`). Default any. */
  accept?: readonly string[] | undefined;
  /** File name to use (made unique if taken). Default the URL's last path segment. */
  fileName?: string | undefined;
  /** Give up on the whole transfer after this long, ms (a typed `TimeoutError`). Default 600 000 (10 min). */
  timeoutMs?: number | undefined;
}

/** A result URL's bytes (`client.downloadBytes(url)`). */
export interface DownloadedBytes {
  /** Backed by a plain ArrayBuffer, so it is a `BlobPart` as it is. */
  bytes: Uint8Array<ArrayBuffer>;
  contentType: string;
  /** The final URL after redirects. */
  url: string;
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
  /**
   * True when the body is exactly the bytes a `Content-Length` header declares (no decoding, the
   * framing enforced), so `text()` reads no more than that: size limits may then trust the header.
   */
  readonly exactLength?: boolean;
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
  /**
   * `create` (paid) requests are never retried once they may have reached the vendor; `read` and
   * `upload` (bytes PUT to a presigned URL, idempotent) retry transient failures (`decideRetry`).
   */
  kind: "create" | "read" | "upload";
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
   * A URL's bytes in memory through the same host policy (browsers, edge runtimes): wrap them in
   * a `Blob` to show or upload.
   */
  downloadBytes(url: string, options?: DownloadOptions): Promise<DownloadedBytes>;
  /**
   * Replace every credential value this client sends with `[redacted]`: for vendor text (a task's
   * failure reason) that goes into an error or a log. Optional: clients built before it may lack it.
   */
  redact?(text: string): string;
}
