import { InvalidResponseError } from "./errors/invalid-response-error.js";
import { getPath } from "./get-path.js";
import { mapVendorError } from "./map-vendor-error.js";
import type { TaskProtocolDefinition, VendorDefinition } from "./types.js";

const scalar = (value: unknown): string | undefined =>
  typeof value === "string" || typeof value === "number" ? String(value) : undefined;

/** Task data carries a state: an object with a value at the protocol's `statusPath`. */
function hasTaskState(data: unknown, protocol: TaskProtocolDefinition): boolean {
  const status = getPath(data, protocol.statusPath);
  return status !== undefined && status !== null && status !== "";
}

/**
 * The task data of a poll answer (`body`: the parsed JSON, envelope included), read the way the
 * vendors' reference clients read it (Tomoviee's `get_result`): a success code gives its data; a
 * non-success code that still carries task data with a state is that state (the gateway answers so
 * while a task runs: polling goes on, a terminal state ends it); a non-success code without task
 * data is the vendor error it names; an answer without task data is an `InvalidResponseError` at
 * once instead of a task that looks forever running.
 */
export function unwrapPollAnswer(
  vendor: VendorDefinition,
  protocol: TaskProtocolDefinition,
  body: unknown,
  requestId?: string,
): unknown {
  const envelope = vendor.envelope;
  const object = body !== null && typeof body === "object" && !Array.isArray(body);
  const data = envelope && object ? getPath(body, envelope.dataField) : body;
  if (envelope && object) {
    const code = scalar(getPath(body, envelope.codeField));
    const success = code !== undefined && envelope.successCodes.map(String).includes(code);
    if (!success && !hasTaskState(data, protocol)) {
      const trace = envelope.traceIdField ? scalar(getPath(body, envelope.traceIdField)) : undefined;
      throw mapVendorError(vendor, {
        status: 200,
        code,
        vendorMessage: scalar(getPath(body, envelope.messageField)),
        requestId: trace ?? requestId,
      });
    }
  }
  if (data === null || data === undefined || typeof data !== "object") {
    throw new InvalidResponseError(
      `${vendor.displayName}: the task poll answer carries no task data (\`${envelope?.dataField ?? "body"}\`)`,
      {
        vendor: vendor.id,
        requestId,
        raw: JSON.stringify(body) ?? "",
        userMessage: "The service sent an answer without the task's state.",
      },
    );
  }
  return data;
}
