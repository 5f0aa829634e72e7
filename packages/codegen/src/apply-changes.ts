import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { FileChange } from "./plan-writes.js";

/**
 * Writes every change (temp file + rename per file, so no reader sees half a file) and deletes
 * stale files. Directories are made first, once each; the files are then written concurrently.
 */
export async function applyChanges(root: string, changes: readonly FileChange[]): Promise<void> {
  const writes = changes.filter((c) => c.action !== "delete");
  const dirs = new Set(writes.map((c) => dirname(join(root, c.path))));
  await Promise.all([...dirs].map((d) => mkdir(d, { recursive: true })));
  await Promise.all(
    changes.map(async (c) => {
      const abs = join(root, c.path);
      if (c.action === "delete") return rm(abs, { force: true });
      const tmp = `${abs}.${process.pid}.tmp`;
      await writeFile(tmp, c.content ?? "", "utf8");
      await rename(tmp, abs);
    }),
  );
}
