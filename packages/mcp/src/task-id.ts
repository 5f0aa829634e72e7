import type { TaskHandle } from "@gen/runtime";

const PREFIX = "gen1.";

/**
 * The MCP task id of a vendor task: its serialised handle (`gen1.` + base64url JSON). The id is
 * the only state a task needs, so it survives a server restart or a client reconnect.
 */
export function encodeTaskId(handle: TaskHandle): string {
  const { vendor, operation, taskId, createdAt } = handle;
  return PREFIX + Buffer.from(JSON.stringify({ vendor, operation, taskId, createdAt })).toString("base64url");
}

/** The handle inside a task id; `undefined` for anything this server did not issue. */
export function decodeTaskId(id: string): TaskHandle | undefined {
  if (!id.startsWith(PREFIX) || id.length > 4096) return undefined;
  try {
    const value = JSON.parse(Buffer.from(id.slice(PREFIX.length), "base64url").toString("utf8")) as unknown;
    if (typeof value !== "object" || value === null) return undefined;
    const h = value as Record<string, unknown>;
    const fields = [h.vendor, h.operation, h.taskId, h.createdAt];
    if (!fields.every((f) => typeof f === "string" && f !== "")) return undefined;
    return h as unknown as TaskHandle;
  } catch {
    return undefined;
  }
}
