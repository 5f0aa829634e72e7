import { access, readdir, readFile, stat } from "node:fs/promises";
import { join, relative } from "node:path";

/** One file action, paths relative to the root (posix). */
export interface FileChange {
  path: string;
  action: "create" | "update" | "delete";
  content?: string;
}

const MODEL_FILE = "openapi.gen.json";

/**
 * Compares emitted files with the disk: what to create, update and delete (stale `.gen.ts`).
 * Files are read concurrently; in a package directory that does not exist yet, not at all.
 */
export async function planWrites(
  root: string,
  outDir: string,
  files: ReadonlyMap<string, string>,
  seeds: ReadonlyMap<string, string>,
): Promise<FileChange[]> {
  const fresh = await access(join(root, outDir)).then(
    () => false,
    () => true,
  );
  const read = (rel: string) => (fresh ? undefined : readText(join(root, outDir, rel)));
  const [current, seeded] = await Promise.all([
    Promise.all([...files.keys()].map(read)),
    Promise.all([...seeds.keys()].map(read)),
  ]);
  const changes: FileChange[] = [];
  for (const [i, [rel, content]] of [...files].entries()) {
    const path = `${outDir}/${rel}`;
    if (current[i] === undefined) changes.push({ path, action: "create", content });
    else if (current[i] !== content) changes.push({ path, action: "update", content });
  }
  for (const [i, [rel, content]] of [...seeds].entries()) {
    if (seeded[i] === undefined) changes.push({ path: `${outDir}/${rel}`, action: "create", content });
  }
  if (fresh) return changes;
  // A model shipped before gen.config `shipModel` was turned off.
  if (!files.has(MODEL_FILE) && (await isFile(join(root, outDir, MODEL_FILE))))
    changes.push({ path: `${outDir}/${MODEL_FILE}`, action: "delete" });
  for (const abs of await listGenFiles(join(root, outDir, "src"))) {
    const rel = relative(join(root, outDir), abs).split("\\").join("/");
    if (!files.has(rel)) changes.push({ path: `${outDir}/${rel}`, action: "delete" });
  }
  return changes;
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return undefined;
  }
}

function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

async function listGenFiles(dir: string): Promise<string[]> {
  let entries: import("node:fs").Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listGenFiles(p)));
    else if (e.name.endsWith(".gen.ts")) out.push(p);
  }
  return out.sort();
}
