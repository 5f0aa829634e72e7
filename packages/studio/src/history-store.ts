import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { RunRecord } from "./run-record.js";

/** How many runs the history keeps (oldest dropped first). */
export const HISTORY_LIMIT = 500;

/**
 * The task history: a JSON file (`history.json` in the data folder) rewritten atomically on every
 * change, so handles survive a crash or a restart. Runs still `running` when loaded become
 * `stopped`: nobody is waiting for them any more, and the page offers to resume.
 */
export class HistoryStore {
  private readonly runs = new Map<string, RunRecord>();
  private writing: Promise<void> = Promise.resolve();
  /** Where an unreadable history file was moved to when the store opened, if it was. */
  recoveredFrom: string | undefined;

  private constructor(private readonly path: string) {}

  static async open(path: string): Promise<HistoryStore> {
    const store = new HistoryStore(path);
    let text: string | undefined;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      if ((error as { code?: string }).code !== "ENOENT") throw error;
    }
    if (text === undefined) return store;
    let runs: RunRecord[];
    try {
      runs = (JSON.parse(text) as { runs?: RunRecord[] }).runs ?? [];
      if (!Array.isArray(runs)) throw new Error("runs is not a list");
    } catch {
      // Never lose what was there: keep the unreadable file aside and start a new history.
      store.recoveredFrom = `${path}.unreadable-${Date.now()}`;
      await rename(path, store.recoveredFrom);
      return store;
    }
    for (const run of runs) {
      if (typeof run?.id !== "string") continue;
      store.runs.set(run.id, run.state === "running" ? { ...run, state: "stopped" } : run);
    }
    return store;
  }

  list(): RunRecord[] {
    return [...this.runs.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  get(id: string): RunRecord | undefined {
    return this.runs.get(id);
  }

  /** Stores (or replaces) a run and writes the file; resolves once it is on disk. */
  save(run: RunRecord): Promise<void> {
    this.runs.set(run.id, run);
    const excess = this.runs.size - HISTORY_LIMIT;
    if (excess > 0) for (const old of this.list().slice(-excess)) this.runs.delete(old.id);
    const body = `${JSON.stringify({ runs: this.list() }, null, 2)}\n`;
    const next = this.writing.catch(() => undefined).then(() => writeAtomically(this.path, body));
    this.writing = next;
    return next;
  }
}

async function writeAtomically(path: string, body: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, body, { mode: 0o600 });
  await rename(temp, path);
}
