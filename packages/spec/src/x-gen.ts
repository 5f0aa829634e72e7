/**
 * The `x-gen-*` vocabulary: OpenAPI 3.1 extensions that carry everything a vendor SDK needs
 * beyond paths and schemas. A normalised model is an OpenAPI 3.1 document with these
 * extensions; every catalog adapter produces one, and the emitter, simulator and differ read it.
 *
 * Version of this vocabulary (bumped on breaking change): see `X_GEN_VERSION`.
 */
export const X_GEN_VERSION = 1 as const;

/** Root `x-gen-vendor`: identity of the generated package. */
export interface XGenVendor {
  /** Short id, lower-case, used in task handles and the CLI (`mediaio`). */
  id: string;
  /** npm package name of the generated SDK (`@gen/mediaio`). */
  packageName: string;
  /** Human name (`Media.io`). */
  displayName: string;
  /** Factory function name (`createMediaio`); the default instance is the id (`mediaio`). */
  factory?: string;
  /** Version of the generated package (semver); bumped by changesets. */
  packageVersion?: string;
}

/**
 * Root `x-gen-hosts`: the allow-list for every outbound URL of this vendor. Entries are exact
 * host names (`openapi.media.io`) or dot-boundary suffixes (`.aliyuncs.com`).
 * `api` hosts receive credentials; `results`/`uploads` hosts never receive API credentials unless
 * listed in `credentialed`.
 */
export interface XGenHosts {
  api: string[];
  results?: string[];
  uploads?: string[];
  /** Hosts outside `api` that may receive the credentials (e.g. an upload service). */
  credentialed?: string[];
}

/** One credential: an option name and the environment variables tried in order. */
export interface XGenCredential {
  option: string;
  env: string[];
}

/** Root `x-gen-auth`. */
export type XGenAuth =
  | { type: "none" }
  | {
      type: "apiKey";
      header: string;
      credential: XGenCredential;
      /** Text sent before the key, e.g. `"Key "` for `Authorization: Key <token>`. */
      prefix?: string;
    }
  | {
      type: "basic";
      key: XGenCredential;
      secret: XGenCredential;
      /** Extra header carrying the key, e.g. `X-App-Key`. */
      keyHeader?: string;
    }
  | { type: "bearer"; credential: XGenCredential; headers?: Record<string, string> };

/**
 * Root `x-gen-envelope`: how responses are wrapped. `null`/absent means the body is the data.
 * Codes compare as strings (`0` and `"0"` are equal).
 */
export interface XGenEnvelope {
  codeField: string;
  messageField: string;
  dataField: string;
  traceIdField?: string;
  successCodes: Array<string | number>;
}

/** Kinds of error the runtime knows; vendor codes map onto these. */
export type XGenErrorKind =
  | "authentication"
  | "insufficient_credits"
  | "rate_limited"
  | "content_rejected"
  | "invalid_request"
  | "not_found"
  | "server_error";

/** Root `x-gen-errors`: vendor code -> meaning. Keys are codes as strings. */
export interface XGenErrorCode {
  kind: XGenErrorKind;
  /** Short message fit to show a user (English). */
  message: string;
  /** Other languages, keyed by BCP 47 tag (`zh`). */
  messages?: Record<string, string>;
  /** Reads and polls may retry this code. */
  retryable?: boolean;
  /**
   * The vendor did not accept the request: a paid create may be retried safely.
   * Number of extra attempts (e.g. 1 = "retry once as the vendor advises").
   */
  retryCreate?: number;
  /**
   * The vendor's advised wait before retrying this code (ms), e.g. "wait briefly, then retry once".
   * A floor under the backoff delay, itself capped by the client's `retry.maxDelayMs`; a
   * Retry-After header takes precedence.
   */
  retryDelayMs?: number;
  /**
   * HTTP status the vendor answers with alongside this code (e.g. 401). Absent: 200 when the vendor
   * uses an envelope. Read by the simulator; clients decide on the body code.
   */
  httpStatus?: number;
}

/** Root `x-gen-request`: how request bodies are shaped on the wire. */
export interface XGenRequest {
  /** Wrap the body params as `{ [bodyWrapper]: {...} }`; an empty body is sent as `{}`. */
  bodyWrapper?: string;
  /**
   * Fill absent optional inputs with their schema `default` before sending (the vendor's reference
   * clients send defaults on the wire). Off by default: the vendor applies its own defaults.
   */
  sendDefaults?: boolean;
  /** Constant headers sent with every API request (e.g. `{ "X-Api-Version": "2024-01-01" }`). */
  headers?: Record<string, string>;
}

/** Canonical task states. */
export type XGenTaskState = "queued" | "running" | "succeeded" | "failed" | "cancelled" | "timed_out";

/**
 * Root `x-gen-task-protocol`: how async tasks are polled. Paths are dot paths relative to the
 * unwrapped envelope data (`task_id`, `result.0.preview`).
 */
export interface XGenTaskProtocol {
  /** operationId of the operation that reads a task's status. */
  pollOperation: string;
  /** Input to the poll operation; `{taskId}` is replaced by the task id. */
  pollInput: Record<string, string>;
  /** Where the create response carries the task id. */
  taskIdPath: string;
  statusPath: string;
  /** Vendor status value (as a string) -> canonical state. Unknown values count as running. */
  statusMap: Record<string, XGenTaskState>;
  progressPath?: string;
  reasonPath?: string;
  resultPath: string;
  /** `json-string`: the result is a JSON document inside a string and must be parsed. */
  resultEncoding?: "json" | "json-string";
  /** JSON Schema of the (decoded) result. */
  resultSchema?: JsonSchema;
  /** Dot paths (relative to the decoded result) of downloadable URLs, `*` for array items. */
  resultUrlPaths?: string[];
  /** Polling bounds. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** Give up after this long (the vendor's own timeout), ms. */
  timeoutMs?: number;
}

/** Operation-level `x-gen-operation`. */
export interface XGenOperation {
  /** The vendor's own name for lookup (`Task Result`, `tm_text2video_b`). */
  name: string;
  /** Further names accepted by `call()` and the CLI (model code, catalog id). */
  aliases?: string[];
  /**
   * `create`: starts paid work — never retried once it may have reached the vendor;
   * `read`: safe to retry (queries, polls).
   */
  kind: "create" | "read";
  /** A create that returns a task handle (uses the root task protocol). */
  task?:
    | boolean
    | {
        estimatedMs?: [number, number];
        /**
         * JSON Schema of this operation's decoded result, when it is narrower than the root
         * `x-gen-task-protocol.resultSchema` (e.g. a video capability only fills `video_path`).
         * Emitters type the operation's `Task<Result>` with it; absent = the root schema.
         */
        resultSchema?: JsonSchema;
        /** Downloadable URL paths of this operation's result; absent = the root `resultUrlPaths`. */
        resultUrlPaths?: string[];
      };
  /** Body fields the operation injects regardless of input (e.g. fixed values). */
  constBody?: Record<string, unknown>;
  /** Input fields sent as headers instead of body: input field -> header name. */
  headerParams?: Record<string, string>;
  /** Cross-field rules a JSON Schema cannot express; applied after validation, before any request. */
  rules?: XGenRule[];
  /** Free-text rules the catalog could not express as schema (documentation only). */
  notes?: string[];
  /**
   * Friendly names for fields of the unwrapped response data: output field -> dot path (or a
   * list of dot paths, the first present wins). Each alias is added next to the raw fields, which
   * are kept. Applied by the runtime's output decoder; the generator adds the alias fields to the
   * typed output (same type as the source field).
   */
  outputAliases?: Record<string, string | string[]>;
}

/**
 * Cross-field input rules, vendor-neutral. `when` matches when every listed input field equals
 * the given value (compared as strings).
 */
export type XGenRule =
  /** Set `field` to the value of `from` when `field` is absent (and `when` matches). */
  | { rule: "defaultFrom"; field: string; from: string; when?: Record<string, unknown> }
  /** `field` must be present when `when` matches. */
  | { rule: "requiredWhen"; field: string; when: Record<string, unknown>; message?: string }
  /** `field` must be absent when `when` matches. */
  | { rule: "forbiddenWhen"; field: string; when: Record<string, unknown>; message?: string }
  /** Array `field` length within [min, max] when `when` matches. */
  | { rule: "count"; field: string; min?: number; max?: number; when?: Record<string, unknown> }
  /** At least one of `fields` must be present. */
  | { rule: "oneOfRequired"; fields: string[]; message?: string }
  /**
   * `field` must not take any of `values` when `when` matches: a conditional enum
   * ("Options: 768P, 1080P (when duration is 6s)" gives 1080P excluded when duration is 10s).
   */
  | {
      rule: "excludeWhen";
      field: string;
      values: unknown[];
      when: Record<string, unknown>;
      message?: string;
    };

/**
 * Root `x-gen-constants`: named data tables emitted as typed constants (`constants.gen.ts`),
 * e.g. a vendor's model list. `value` is inline JSON, or `file` names a JSON/YAML file next to
 * the catalog whose content becomes the value.
 */
export type XGenConstants = Record<string, { description?: string; value?: unknown; file?: string }>;

/** Minimal JSON Schema shape the generator reads (draft 2020-12 subset). */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  title?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  nullable?: boolean;
  /** OpenAPI discriminator of a `oneOf`/`anyOf`: the property telling the variants apart. */
  discriminator?: { propertyName: string; mapping?: Record<string, string> };
  /** 3.1 binary content (`contentMediaType` without `contentEncoding`) in multipart/raw bodies. */
  contentMediaType?: string;
  contentEncoding?: string;
  "x-gen-enum-names"?: string[];
  /** File-size range of the file behind a URL parameter, MB (documentation; not checkable client-side). */
  "x-gen-file-size-mb"?: { min?: number; max?: number };
  /** Image resolution range `[width, height]` of the file behind a URL parameter. */
  "x-gen-image-resolution"?: { min?: [number, number]; max?: [number, number] };
  /** Video resolution range `[width, height]` of the file behind a URL parameter. */
  "x-gen-video-resolution"?: { min?: [number, number]; max?: [number, number] };
  /** Aspect-ratio range (`"0.4:1"`..`"2.5:1"`) of the file behind a URL parameter. */
  "x-gen-aspect-ratio"?: { min?: string; max?: string };
  /** Frame-rate range (FPS) of a video behind a URL parameter. */
  "x-gen-frame-rate"?: { min?: number; max?: number };
  /** Duration range (seconds) of a media file behind a URL parameter. */
  "x-gen-duration-seconds"?: { min?: number; max?: number };
  /** Accepted file formats (`PNG`, `JPEG`...). */
  "x-gen-formats"?: string[];
  [key: `x-${string}`]: unknown;
}
