import * as z from "zod/mini";
import * as runtime from "../packages/runtime/src/index.ts";
import type { Row } from "./transport.ts";

/**
 * Bench rows for one validated call through the full runtime, on each transport, for a made-up
 * vendor `acme` (api-key header, envelope, small zod/mini input). Empty until the runtime exports
 * `createVendorClient`.
 */
export async function acmeRows(origin: string): Promise<Row[]> {
  const create = (runtime as Record<string, unknown>).createVendorClient as
    | ((vendor: runtime.VendorDefinition, options: Record<string, unknown>) => runtime.VendorClient)
    | undefined;
  if (typeof create !== "function") return [];
  const host = new URL(origin).hostname;
  const acme: runtime.VendorDefinition = {
    id: "acme",
    displayName: "Acme Media",
    baseUrl: origin,
    hosts: { api: [host] },
    auth: { type: "apiKey", header: "x-api-key", credential: { option: "apiKey", env: ["ACME_API_KEY"] } },
    envelope: { codeField: "code", messageField: "message", dataField: "data", successCodes: [0] },
  };
  const input = z.object({ taskId: z.string().check(z.minLength(3)), verbose: z.optional(z.boolean()) });
  const getTask: runtime.OperationDefinition<z.infer<typeof input>, unknown> = {
    id: "getTask",
    name: "get_task",
    method: "POST",
    path: "/v1/tasks/query",
    kind: "read",
    input: () => input,
    output: (data) => data,
  };
  const options = { apiKey: "bench-key", allowInsecureLoopback: true, env: {} };
  const onFetch = create(acme, { ...options, fetch: globalThis.fetch });
  const onDefault = create(acme, options);
  const call = (client: runtime.VendorClient) => () => client.invoke(getTask, { taskId: "t-123" });
  return [
    { name: "runtime invoke, fetch transport", call: call(onFetch) },
    { name: `runtime invoke, default (${runtime.defaultTransportKind})`, call: call(onDefault) },
  ];
}
