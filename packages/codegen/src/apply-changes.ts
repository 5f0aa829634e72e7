import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { FileChange } from "./plan-writes.js";

/** Writes every change (temp file + rename per file) and deletes stale files. */
export async function applyChanges(root: string, changes: readonly FileChange[]): Promise<void> {
  for (const c of changes) {
    const abs = join(root, c.path);
    if (c.action === "delete") {
      await rm(abs, { force: true });
      continue;
    }
    await mkdir(dirname(abs), { recursive: true });
    const tmp = `${abs}.${process.pid}.tmp`;
    await writeFile(tmp, c.content ?? "", "utf8");
    await rename(tmp, abs);
  }
}
