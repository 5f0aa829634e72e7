import {
  type CallOptions,
  InvalidRequestError,
  moduleOperations,
  type OperationDefinition,
} from "@gen/runtime";
import type { EntryPoint } from "@gen/spec";
import { type GenModel, type JsonSchema, listOperations } from "@gen/spec";
import { describeConstraints } from "./describe-constraints.js";
import { operationInputSchema } from "./operation-input-schema.js";
import { matchesFilter, type ToolFilter } from "./tool-filter.js";
import type { McpVendor, VendorClientLike } from "./vendor-source.js";

/** One vendor operation (or entry point) as an MCP tool. */
export interface GenTool {
  /** `<vendor>_<operation>`: `mediaio_t2vWanV26`, `ima_text_to_video`. */
  name: string;
  vendor: string;
  operation: string;
  title: string;
  description: string;
  inputSchema: JsonSchema;
  /** Starts a vendor task (served as an MCP task when the client supports them). */
  task: boolean;
  /** Costs credits: a paid create, never resubmitted. */
  paid: boolean;
  estimatedMs?: readonly [number, number] | undefined;
  urlPaths?: readonly string[] | undefined;
  client: VendorClientLike;
  invoke(input: unknown, options?: CallOptions): Promise<unknown>;
}

const MAX_DESCRIPTION = 2000;

/** Every tool the vendors offer that passes the filter, derived from what each package exports. */
export function buildTools(vendors: readonly McpVendor[], filter: ToolFilter = {}): GenTool[] {
  const tools: GenTool[] = [];
  for (const vendor of vendors) {
    const texts = catalogTexts(vendor.model);
    const display = vendor.client.runtime.vendor.displayName;
    for (const entry of vendor.entryPoints ?? []) {
      const tool = entryPointTool(vendor, entry, display);
      if (matchesFilter(filter, vendor.id, [tool.name, entry.name, entry.method])) tools.push(tool);
    }
    for (const op of moduleOperations(vendor.module)) {
      const names = [`${vendor.id}_${op.id}`, op.id, op.name, ...(op.aliases ?? [])];
      if (!matchesFilter(filter, vendor.id, names)) continue;
      tools.push(operationTool(vendor, op, display, texts.get(op.id) ?? vendor.summaries?.[op.id]));
    }
  }
  return tools;
}

function operationTool(vendor: McpVendor, op: OperationDefinition, display: string, text?: string): GenTool {
  const inputSchema = operationInputSchema(op, vendor.module);
  const task = op.task !== undefined;
  const paid = op.kind === "create";
  const own = (op.task as { resultUrlPaths?: readonly string[] } | undefined)?.resultUrlPaths;
  return {
    name: toolName(vendor.id, op.id),
    vendor: vendor.id,
    operation: op.id,
    title: `${display}: ${op.name}`,
    description: describe(text ?? op.name, inputSchema, task, paid),
    inputSchema,
    task,
    paid,
    estimatedMs: op.task?.estimatedMs,
    urlPaths: own ?? vendor.client.runtime.vendor.task?.resultUrlPaths,
    client: vendor.client,
    invoke: (input, options) => vendor.client.call(op.id, input, options),
  };
}

function entryPointTool(vendor: McpVendor, entry: EntryPoint, display: string): GenTool {
  const inputSchema = entry.schema(vendor.module);
  return {
    name: toolName(vendor.id, entry.name),
    vendor: vendor.id,
    operation: entry.method,
    title: `${display}: ${entry.description}`,
    description: describe(entry.description, inputSchema, true, true),
    inputSchema,
    task: true,
    paid: true,
    urlPaths: vendor.client.runtime.vendor.task?.resultUrlPaths,
    client: vendor.client,
    invoke: async (input, options) => {
      refuseLocalFiles(input);
      const method = (vendor.client as unknown as Record<string, unknown>)[entry.method];
      if (typeof method !== "function") throw new Error(`${vendor.id} has no ${entry.method}()`);
      return (method as (i: unknown, o?: CallOptions) => Promise<unknown>).call(
        vendor.client,
        input,
        options,
      );
    },
  };
}

/**
 * Entry points may accept local file paths (IMA uploads them). Over MCP the caller is an agent,
 * not the machine's user: a path would upload a server-side file, so only http(s) URLs pass.
 */
function refuseLocalFiles(input: unknown): void {
  const images = (input as { images?: unknown } | null)?.images;
  if (!Array.isArray(images)) return;
  const index = images.findIndex((v) => typeof v === "string" && !/^https?:\/\//i.test(v));
  if (index < 0) return;
  throw InvalidRequestError.fromIssues([
    {
      field: `images.${index}`,
      rule: "url",
      message: "must be an http(s) URL (local files are not read over MCP)",
    },
  ]);
}

function toolName(vendor: string, operation: string): string {
  return `${vendor}_${operation}`.replace(/[^A-Za-z0-9_.-]/g, "_").slice(0, 128);
}

function describe(text: string, schema: JsonSchema, task: boolean, paid: boolean): string {
  const kind = paid
    ? task
      ? "Starts a paid task at the vendor (costs credits; never resubmitted). Result: URLs as resource links."
      : "Paid call at the vendor (costs credits; never resubmitted)."
    : "Read-only.";
  const constraints = describeConstraints(schema);
  const body = [text.trim(), kind, ...(constraints.length ? ["Parameters:", ...constraints] : [])];
  const full = body.join("\n");
  return full.length > MAX_DESCRIPTION ? `${full.slice(0, MAX_DESCRIPTION - 1)}…` : full;
}

/** The catalog's own words per operation id: summary and description from the vendor's model. */
function catalogTexts(model: GenModel | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!model) return out;
  for (const op of listOperations(model)) {
    const { summary, description } = op.operation as { summary?: string; description?: string };
    const parts = [summary, description].filter((s): s is string => typeof s === "string" && s.trim() !== "");
    if (parts.length > 0) out.set(op.operationId, [...new Set(parts.map((p) => p.trim()))].join("\n"));
  }
  return out;
}
