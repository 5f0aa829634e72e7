import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { TaskHandle } from "@gen/runtime";
import { usageError } from "./cli-error.js";

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

/** Writes the file atomically (temp file + rename), creating its directory. */
export async function writeHandleFile(path: string, content: HandleFile): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  await rename(temp, path);
}

/** Reads and checks a handle file; errors name the file and the missing field. */
export async function readHandleFile(cwd: string, file: string): Promise<HandleFile> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(resolve(cwd, file), "utf8"));
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw usageError(
      code === "ENOENT" ? `Handle file not found: ${file}` : `Handle file ${file} is not valid JSON`,
    );
  }
  const record = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  for (const field of ["vendor", "taskId"] as const) {
    if (typeof record[field] !== "string" || record[field] === "") {
      throw usageError(`Handle file ${file} has no "${field}" (expected a file written by \`gen call\`)`);
    }
  }
  return record as unknown as HandleFile;
}
