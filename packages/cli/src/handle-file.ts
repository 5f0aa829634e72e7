import { randomBytes } from "node:crypto";
import { mkdir, rename, unlink, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { TaskHandle } from "@gen/runtime";
import { isGenError, parseJsonBounded } from "@gen/runtime";
import { usageError } from "./cli-error.js";
import { readFileCapped } from "./read-file-capped.js";

/** Largest handle file read, bytes (a handle plus its result). */
const MAX_HANDLE_BYTES = 16 * 1024 * 1024;

/** What `gen call` stores the moment a task is created: the handle, where to resume, and later the outcome. */
export interface HandleFile extends TaskHandle {
  /** Base URL used for the create (only when not the vendor's default); never a credential. */
  baseUrl?: string;
  state?: string;
  result?: unknown;
  files?: string[];
}

/** Default location: `./.gen-tasks/<vendor>-<taskId>.json`. */
export function defaultHandlePath(cwd: string, handle: TaskHandle): string {
  const safeId = handle.taskId.replace(/[^A-Za-z0-9._-]/g, "_");
  return join(cwd, ".gen-tasks", `${handle.vendor}-${safeId}.json`);
}

/**
 * Writes the file atomically (temp file + rename), creating its directory. The temp name is
 * unpredictable and created exclusively (`wx`): a symlink planted there is never followed.
 */
export async function writeHandleFile(path: string, content: HandleFile): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${randomBytes(8).toString("hex")}.tmp`;
  try {
    await writeFile(temp, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600, flag: "wx" });
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}

/** Reads and checks a handle file; errors name the file and the missing field. */
export async function readHandleFile(cwd: string, file: string): Promise<HandleFile> {
  const text = await readFileCapped(resolve(cwd, file), MAX_HANDLE_BYTES, `Handle file ${file}`, (code) =>
    code === "ENOENT" ? `Handle file not found: ${file}` : `Handle file ${file} cannot be read`,
  );
  let value: unknown;
  try {
    value = parseJsonBounded(text);
  } catch (error) {
    throw usageError(`Handle file ${file} is ${isGenError(error) ? "nested too deeply" : "not valid JSON"}`);
  }
  const record = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  for (const field of ["vendor", "taskId"] as const) {
    if (typeof record[field] !== "string" || record[field] === "") {
      throw usageError(`Handle file ${file} has no "${field}" (expected a file written by \`gen call\`)`);
    }
  }
  for (const field of ["operation", "createdAt", "baseUrl"] as const) {
    if (record[field] !== undefined && typeof record[field] !== "string")
      throw usageError(`Handle file ${file}: "${field}" must be a string`);
  }
  return record as unknown as HandleFile;
}
