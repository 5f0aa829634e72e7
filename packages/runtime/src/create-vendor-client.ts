import { applyOutputAliases } from "./apply-output-aliases.js";
import type { applyRules } from "./apply-rules.js";
import { checkInputShape } from "./check-input-shape.js";
import { type ClientContext, createClientContext } from "./client-context.js";
import type { createTask } from "./create-task.js";
import type { downloadBytes } from "./download-bytes.js";
import type { downloadFile } from "./download-file.js";
import { GenError, isGenError } from "./errors/gen-error.js";
import { InvalidRequestError } from "./errors/invalid-request-error.js";
import { InvalidResponseError } from "./errors/invalid-response-error.js";
import { getPath } from "./get-path.js";
import { isoNow } from "./iso-now.js";
import { lazyExtensions } from "./lazy-extensions.js";
import { operationRequest } from "./operation-request.js";
import { ownOptions } from "./own-options.js";
import { hideInternals, publicOptions } from "./public-client-view.js";
import { sendRequest } from "./send-request.js";
import type {
  CallOptions,
  ClientOptions,
  OperationDefinition,
  StandardSchemaV1,
  Task,
  TaskHandle,
  VendorClient,
  VendorDefinition,
} from "./types.js";
import { parseInput } from "./validate-input.js";

type AnyOperation = OperationDefinition<unknown, unknown>;
const schemas = /* @__PURE__ */ new WeakMap<object, StandardSchemaV1<unknown, unknown>>();

/** Builds the `Task` of a handle (the runtime's `createTask`). */
export type TaskSupport = typeof createTask;
/** Streams a URL to a file (the runtime's `downloadFile`). */
export type DownloadSupport = (
  ctx: ClientContext,
  ...args: Parameters<VendorClient["download"]>
) => ReturnType<typeof downloadFile>;
/** Reads a URL into memory (the runtime's `downloadBytes`). */
export type DownloadBytesSupport = typeof downloadBytes;
/** Applies an operation's cross-field rules (the runtime's `applyRules`). */
export type RulesSupport = (...args: Parameters<typeof applyRules>) => unknown;

/**
 * Optional pieces of a `createVendorCore` client, passed in so that an app bundles only what it
 * uses. Without `tasks`, task operations and `task()` throw before any request; without `rules`,
 * operations with cross-field rules throw before any request; without `download`, `download()`
 * rejects. `createVendorClient` passes all three (each loaded on first use).
 */
export interface ClientExtensions {
  tasks?: TaskSupport | undefined;
  download?: DownloadSupport | undefined;
  /** `downloadBytes` (the runtime's, in memory); `createVendorClient` passes it. */
  downloadBytes?: DownloadBytesSupport | undefined;
  rules?: RulesSupport | undefined;
}

function unsupported(vendor: VendorDefinition, what: string, option: string): GenError {
  return new GenError(
    "invalid_request",
    `${vendor.displayName}: ${what} need the \`${option}\` extension: createVendorCore(vendor, options, { ${option}: ${option}Support }), or createVendorClient`,
    { vendor: vendor.id },
  );
}

function schemaOf(operation: AnyOperation): StandardSchemaV1<unknown, unknown> | undefined {
  const { input } = operation;
  if (typeof input !== "function") return input;
  let schema = schemas.get(operation);
  if (!schema) {
    schema = input();
    schemas.set(operation, schema);
  }
  return schema;
}

/**
 * The runtime entry point generated vendor packages call: a `VendorClient` for one vendor.
 * Nothing is resolved or sent until the first call; credentials are read then (options, then env).
 */
export function createVendorClient(vendor: VendorDefinition, options: ClientOptions = {}): VendorClient {
  return createVendorCore(vendor, options, lazyExtensions);
}

/**
 * The small core of `createVendorClient`: validation, rules, requests, envelopes and errors, plus
 * only the `extensions` given (`{ tasks: createTask, rules: applyRules, download: downloadFile }`),
 * so that a one-operation app bundles no task waiter, rule engine or download code it does not use.
 */
export function createVendorCore(
  vendor: VendorDefinition,
  options: ClientOptions = {},
  extensions: ClientExtensions = {},
): VendorClient {
  const ctx = createClientContext(vendor, options);
  const { tasks, rules, download } = extensions;

  /** The operation's request; styled query parameters load their encoder with the first such operation. */
  async function buildRequest(operation: AnyOperation, input: unknown, call?: CallOptions) {
    const styled = operation.queryStyles ? (await import("./encode-query.js")).encodeQuery : undefined;
    return operationRequest(vendor, operation, input, ownOptions(call), styled);
  }

  async function invokeData(operation: AnyOperation, input: unknown, call?: CallOptions): Promise<unknown> {
    checkInputShape(input, ctx.limits.maxJsonDepth, vendor.id);
    const schema = schemaOf(operation);
    let value = schema ? parseInput(schema, input, vendor.id) : input;
    if (value instanceof Promise) value = await value;
    if (operation.rules?.length) {
      if (!rules) throw unsupported(vendor, "operations with cross-field rules", "rules");
      value = await rules(value, operation.rules, vendor.id);
    }
    if (operation.prepare) value = operation.prepare(value);
    let request = await buildRequest(operation, value, call);
    // Non-JSON bodies (multipart, form, binary) load their encoder with the first such operation.
    if (operation.body)
      request = await (await import("./encode-body.js")).encodeRequestBody(request, operation.body);
    const response = await sendRequest(ctx, request);
    return response.data;
  }

  /** A poll through the whole pipeline, envelope left on: the task layer reads it (`unwrapPollAnswer`). */
  const pollRaw = async (operation: AnyOperation, input: unknown, call?: CallOptions) =>
    sendRequest(ctx, { ...(await buildRequest(operation, input, call)), raw: true });

  const redactText = ctx.redact;
  /** Every error leaving the client passes the one redaction (vendor text, hosts, causes). */
  const redacted = async (error: unknown): Promise<never> => {
    throw isGenError(error) ? (await import("./redact-error.js")).redactError(error, redactText) : error;
  };

  function task<Result>(
    handle: TaskHandle | string,
    operation?: string,
    definition?: AnyOperation,
  ): Task<Result> {
    const h: TaskHandle =
      typeof handle === "string"
        ? {
            vendor: vendor.id,
            operation: operation ?? "",
            taskId: handle,
            createdAt: isoNow(),
          }
        : handle;
    checkTaskId(h.taskId, vendor.id);
    if (h.vendor !== vendor.id) {
      throw new GenError(
        "invalid_request",
        `Task handle belongs to vendor "${h.vendor}", not "${vendor.id}"`,
        {
          vendor: vendor.id,
        },
      );
    }
    if (!vendor.task || !vendor.operations?.[vendor.task.pollOperation]) {
      throw new GenError(
        "invalid_request",
        `${vendor.displayName} has no task protocol with a poll operation`,
        {
          vendor: vendor.id,
        },
      );
    }
    if (!tasks) throw unsupported(vendor, "tasks", "tasks");
    return tasks<Result>(vendor, h, invokeData, { operation: definition, redact: redactText, pollRaw });
  }

  const client: VendorClient = {
    vendor,
    options: publicOptions(vendor, options),
    invoke: (operation, input, call) => invoke(operation, input, call).catch(redacted),
    request: (req) => sendRequest(ctx, req),
    task,
    redact: redactText,
    download: (url, dir, downloadOptions) =>
      download
        ? download(ctx, url, dir, ownOptions(downloadOptions)).catch(redacted)
        : Promise.reject(unsupported(vendor, "downloads", "download")),
    downloadBytes: (url, downloadOptions) =>
      extensions.downloadBytes
        ? extensions.downloadBytes(ctx, url, downloadOptions)
        : Promise.reject(unsupported(vendor, "downloads", "downloadBytes")),
  };
  return hideInternals(client, vendor, client.options);

  async function invoke<Input, Output>(
    operation: OperationDefinition<Input, Output>,
    input: Input,
    call?: CallOptions,
  ): Promise<Output | Task> {
    const op = operation as AnyOperation;
    // Refuse before sending: a paid create must never succeed with no task to follow it.
    if (op.task && vendor.task && !tasks) throw unsupported(vendor, "task operations", "tasks");
    const data = await invokeData(op, input, call);
    if (op.task && vendor.task) {
      const id = getPath(data, vendor.task.taskIdPath);
      if (typeof id !== "string" && typeof id !== "number") {
        throw new InvalidResponseError(`${vendor.displayName}: no task id at \`${vendor.task.taskIdPath}\``, {
          vendor: vendor.id,
          raw: JSON.stringify(data) ?? "",
        });
      }
      return task(String(id), op.id, op);
    }
    const output = op.output ? op.output(data) : data;
    return applyOutputAliases(output, data, op.outputAliases) as Output;
  }
}

/** A task id goes into a URL: a non-empty, well-formed string without control characters. */
function checkTaskId(taskId: unknown, vendor: string): void {
  if (typeof taskId !== "string" || taskId === "" || /[\uD800-\uDFFF\u0000-\u001f\u007f]/u.test(taskId)) {
    throw InvalidRequestError.fromIssues(
      [{ field: "taskId", rule: "task_id", message: "must be a non-empty string of well-formed characters" }],
      { vendor },
    );
  }
}
