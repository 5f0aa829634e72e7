import type { OperationDefinition, VendorDefinition } from "../../src/types.js";

export const pollOperation: OperationDefinition = {
  id: "getTask",
  name: "Task Result",
  method: "POST",
  path: "/tasks/{task_id}",
  pathParams: ["task_id"],
  kind: "read",
};

/** A made-up vendor with an envelope, an error table and a task protocol. */
export function acmeVendor(overrides: Partial<VendorDefinition> = {}): VendorDefinition {
  return {
    id: "acme",
    displayName: "Acme",
    baseUrl: "https://api.acme.test/v1",
    hosts: { api: ["api.acme.test"], results: [".acme-cdn.test"] },
    auth: { type: "apiKey", header: "X-Acme-Key", credential: { option: "apiKey", env: ["ACME_API_KEY"] } },
    envelope: {
      codeField: "code",
      messageField: "msg",
      dataField: "data",
      traceIdField: "trace_id",
      successCodes: [0],
    },
    errors: {
      "1001": { kind: "authentication", message: "Bad key", messages: { zh: "密钥无效" } },
      "1002": { kind: "insufficient_credits", message: "Out of credits" },
      "1003": { kind: "rate_limited", message: "Too busy", retryCreate: 1 },
      "1004": { kind: "server_error", message: "Flaky", retryable: true },
      "1005": { kind: "content_rejected", message: "Rejected" },
    },
    request: { bodyWrapper: "data" },
    task: {
      pollOperation: "getTask",
      pollInput: { task_id: "{taskId}" },
      taskIdPath: "task_id",
      statusPath: "status",
      statusMap: {
        "1": "queued",
        "2": "running",
        "3": "succeeded",
        "4": "failed",
        "5": "cancelled",
        "6": "timed_out",
      },
      progressPath: "progress",
      reasonPath: "reason",
      resultPath: "result",
      resultEncoding: "json-string",
      minDelayMs: 2,
      maxDelayMs: 10,
    },
    operations: { getTask: pollOperation },
    ...overrides,
  };
}

export const KEY = "sk-test-0123456789abcdef";
