import { applyOutputAliases } from "./apply-output-aliases.js";
import { buildOperationRequest } from "./build-operation-request.js";
import { createClientContext } from "./client-context.js";
import { GenError } from "./errors/gen-error.js";
import { InvalidResponseError } from "./errors/invalid-response-error.js";
import { getPath } from "./get-path.js";
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
let rulesModule: Promise<typeof import("./apply-rules.js")> | undefined;

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
  const ctx = createClientContext(vendor, options);

  async function invokeData(
    operation: AnyOperation,
    input: unknown,
    call: CallOptions = {},
  ): Promise<unknown> {
    const schema = schemaOf(operation);
    let value = schema ? parseInput(schema, input, vendor.id) : input;
    if (value instanceof Promise) value = await value;
    if (operation.rules?.length) {
      rulesModule ??= import("./apply-rules.js");
      value = (await rulesModule).applyRules(value, operation.rules, vendor.id);
    }
    if (operation.prepare) value = operation.prepare(value);
    const response = await sendRequest(ctx, buildOperationRequest(vendor, operation, value, call));
    return response.data;
  }

  function task<Result>(handle: TaskHandle | string, operation?: string): Task<Result> {
    const h: TaskHandle =
      typeof handle === "string"
        ? {
            vendor: vendor.id,
            operation: operation ?? "",
            taskId: handle,
            createdAt: new Date().toISOString(),
          }
        : handle;
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
    // Task polling loads on first use, so apps without tasks do not bundle it.
    let loaded: Promise<Task<Result>> | undefined;
    const load = () => {
      loaded ??= import("./create-task.js").then((m) => m.createTask<Result>(vendor, h, invokeData));
      return loaded;
    };
    return {
      handle: h,
      taskId: h.taskId,
      status: (o) => load().then((t) => t.status(o)),
      wait: (o) => load().then((t) => t.wait(o)),
    };
  }

  return {
    vendor,
    options,
    async invoke<Input, Output>(
      operation: OperationDefinition<Input, Output>,
      input: Input,
      call?: CallOptions,
    ) {
      const op = operation as AnyOperation;
      const data = await invokeData(op, input, call);
      if (op.task && vendor.task) {
        const id = getPath(data, vendor.task.taskIdPath);
        if (typeof id !== "string" && typeof id !== "number") {
          throw new InvalidResponseError(
            `${vendor.displayName}: no task id at \`${vendor.task.taskIdPath}\``,
            {
              vendor: vendor.id,
              raw: JSON.stringify(data) ?? "",
            },
          );
        }
        return task({
          vendor: vendor.id,
          operation: op.id,
          taskId: String(id),
          createdAt: new Date().toISOString(),
        });
      }
      const output = op.output ? op.output(data) : data;
      return applyOutputAliases(output, data, op.outputAliases) as Output;
    },
    request: (req) => sendRequest(ctx, req),
    task,
    download: (url, dir, downloadOptions) =>
      import("./download-file.js").then((m) => m.downloadFile(ctx, url, dir, downloadOptions)),
  };
}
