import type { ProgressEvent, Task as VendorTask } from "@gen/runtime";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import type { RequestHandlerExtra } from "@modelcontextprotocol/sdk/shared/protocol.js";
import {
  CallToolRequestSchema,
  type CallToolResult,
  CancelTaskRequestSchema,
  ErrorCode,
  GetTaskPayloadRequestSchema,
  GetTaskRequestSchema,
  ListToolsRequestSchema,
  McpError,
  type ServerNotification,
  type ServerRequest,
  type Tool,
} from "@modelcontextprotocol/sdk/types.js";
import type { GenTool } from "./build-tools.js";
import { TaskBook } from "./task-book.js";
import { decodeTaskId, encodeTaskId } from "./task-id.js";
import { mcpTask, snapshotProgress } from "./task-status.js";
import { OUTPUT_SCHEMA, toolError, toolErrorText, toolResult } from "./tool-result.js";

type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

/** Options of {@link createGenMcpServer}. */
export interface GenMcpServerOptions {
  tools: readonly GenTool[];
  /** Download every result URL into this folder (opt-in) and link the files too. */
  downloadDir?: string | undefined;
  /** Poll every N ms instead of the vendor's adaptive schedule; also the tasks' `pollInterval`. */
  pollMs?: number | undefined;
  /** Shared across the servers of one process (Streamable HTTP makes one per request). */
  book?: TaskBook;
  version?: string;
}

/**
 * An MCP server (low-level SDK `Server`) serving vendor operations as tools. Task operations run
 * as MCP tasks whose id is the serialised vendor task handle: nothing is stored, so a restarted
 * server answers `tasks/get` and `tasks/result` for any id it ever issued. Clients without task
 * support get the result inside the call, with progress notifications while it waits.
 */
export function createGenMcpServer(options: GenMcpServerOptions): Server {
  const book = options.book ?? new TaskBook();
  const byName = new Map(options.tools.map((t) => [t.name, t]));
  const pollInterval = options.pollMs ?? 2000;
  const server = new Server(
    { name: "gen-mcp", version: options.version ?? "0.1.0" },
    {
      capabilities: { tools: {}, tasks: { cancel: {}, requests: { tools: { call: {} } } } },
      instructions:
        "Media-generation vendors' operations. Task tools return a task (or wait inside the call " +
        "for clients without tasks); results are URLs given as resource links.",
    },
  );

  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: options.tools.map(describeTool) }));

  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const tool = byName.get(request.params.name);
    if (!tool) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${request.params.name}`);
    const asTask = request.params.task !== undefined;
    if (asTask && !tool.task)
      throw new McpError(
        ErrorCode.MethodNotFound,
        `${tool.name} does not run as a task: call it without one`,
      );
    let outcome: unknown;
    try {
      outcome = await tool.invoke(request.params.arguments ?? {}, { signal: extra.signal });
    } catch (error) {
      // Before a task exists a task-augmented call can only fail as a JSON-RPC error.
      if (asTask) throw new McpError(ErrorCode.InvalidParams, toolErrorText(error));
      return toolError(error);
    }
    if (!isVendorTask(outcome)) return deliver(tool, outcome);
    const taskId = encodeTaskId(outcome.handle);
    if (asTask) {
      book.rememberToken(taskId, extra._meta?.progressToken);
      return { task: mcpTask(taskId, outcome.handle, pollInterval) } as unknown as CallToolResult;
    }
    return waitFor(tool, outcome, taskId, extra, extra._meta?.progressToken);
  });

  server.setRequestHandler(GetTaskRequestSchema, async (request, extra) => {
    const { taskId } = request.params;
    const { tool, task } = resumeTask(taskId);
    if (book.isCancelled(taskId)) return cancelledTask(taskId, task);
    let snapshot: Awaited<ReturnType<VendorTask["status"]>>;
    try {
      snapshot = await task.status({ signal: extra.signal });
    } catch (error) {
      throw new McpError(ErrorCode.InternalError, `Task status unavailable: ${(error as Error).message}`);
    }
    const token = book.tokenOf(taskId);
    if (token !== undefined && snapshot.state !== "failed") {
      const progress = snapshotProgress(task.handle, snapshot, tool.estimatedMs);
      await sendProgress(extra, token, progress, snapshot.state);
    }
    return mcpTask(taskId, task.handle, pollInterval, snapshot);
  });

  server.setRequestHandler(GetTaskPayloadRequestSchema, async (request, extra) => {
    const { taskId } = request.params;
    const { tool, task } = resumeTask(taskId);
    if (book.isCancelled(taskId)) return toolError(new Error("The task was cancelled (stopped waiting)."));
    const result = await waitFor(
      tool,
      task,
      taskId,
      extra,
      book.tokenOf(taskId) ?? extra._meta?.progressToken,
    );
    return { ...result, _meta: { "io.modelcontextprotocol/related-task": { taskId } } };
  });

  server.setRequestHandler(CancelTaskRequestSchema, (request) => {
    const { taskId } = request.params;
    const { task } = resumeTask(taskId);
    book.cancel(taskId);
    return cancelledTask(taskId, task);
  });

  function resumeTask(taskId: string): { tool: GenTool; task: VendorTask } {
    const handle = decodeTaskId(taskId);
    const tool = handle && findToolFor(handle.vendor, handle.operation);
    if (!handle || !tool)
      throw new McpError(ErrorCode.InvalidParams, `Task not found: ${taskId.slice(0, 80)}`);
    return { tool, task: tool.client.resume(handle) };
  }

  function findToolFor(vendor: string, operation: string): GenTool | undefined {
    const same = options.tools.filter((t) => t.vendor === vendor);
    return same.find((t) => t.operation === operation) ?? same.find((t) => t.task);
  }

  async function waitFor(
    tool: GenTool,
    task: VendorTask,
    taskId: string,
    extra: Extra,
    token: string | number | undefined,
  ): Promise<CallToolResult> {
    const tracked = book.track(taskId, extra.signal);
    const sent: Promise<void>[] = [];
    const onProgress = (event: ProgressEvent) => {
      if (token !== undefined) sent.push(sendProgress(extra, token, event.progress, event.status));
    };
    try {
      const result = await task.wait({
        signal: tracked.signal,
        onProgress,
        ...(tool.estimatedMs ? { estimatedMs: tool.estimatedMs } : {}),
        ...(options.pollMs === undefined ? {} : { minDelayMs: options.pollMs, maxDelayMs: options.pollMs }),
      });
      if (token !== undefined) sent.push(sendProgress(extra, token, 100, "succeeded"));
      await Promise.all(sent);
      return await deliver(tool, result);
    } catch (error) {
      if (book.isCancelled(taskId)) return toolError(new Error("The task was cancelled (stopped waiting)."));
      if (extra.signal.aborted) throw error;
      return toolError(error);
    } finally {
      tracked.release();
    }
  }

  async function deliver(tool: GenTool, result: unknown): Promise<CallToolResult> {
    try {
      return await toolResult(tool, result, options.downloadDir);
    } catch (error) {
      return toolError(error);
    }
  }

  async function sendProgress(extra: Extra, token: string | number, progress: number, status: string) {
    if (!book.advance(token, progress)) return;
    try {
      await extra.sendNotification({
        method: "notifications/progress",
        params: { progressToken: token, progress, total: 100, message: status },
      });
    } catch {
      // a client that went away misses a progress line, nothing more
    }
  }

  function cancelledTask(taskId: string, task: VendorTask) {
    const message =
      "Stopped waiting for this task. The vendor offers no cancel operation: it may still finish " +
      "(and be charged); its result stays available through the vendor's own tools.";
    return {
      ...mcpTask(taskId, task.handle, pollInterval),
      status: "cancelled" as const,
      statusMessage: message,
    };
  }

  return server;
}

function describeTool(tool: GenTool): Tool {
  return {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: tool.inputSchema as Tool["inputSchema"],
    outputSchema: OUTPUT_SCHEMA,
    annotations: {
      title: tool.title,
      readOnlyHint: !tool.paid,
      destructiveHint: false,
      idempotentHint: !tool.paid,
      openWorldHint: true,
    },
    execution: { taskSupport: tool.task ? "optional" : "forbidden" },
    _meta: { "gen/vendor": tool.vendor, "gen/operation": tool.operation, "gen/costsCredits": tool.paid },
  };
}

function isVendorTask(value: unknown): value is VendorTask {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as VendorTask).wait === "function" &&
    typeof (value as VendorTask).handle === "object"
  );
}
