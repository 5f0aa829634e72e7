import { type FileHandle, mkdir, open, readFile, stat } from "node:fs/promises";
import { dirname } from "node:path";
import type { TaskHandle } from "@gen/runtime";
import { BatchError } from "./batch-errors.js";
import type { JobError } from "./job-error.js";

/** One journal line. `creating` is on disk before the create is sent. */
export type JournalRecord =
  | { t: "creating"; key: string; fp: string; cost?: number; at: string }
  | { t: "created"; key: string; handle: TaskHandle }
  | { t: "result"; key: string; result: unknown; urls: string[] }
  | { t: "done"; key: string; files: string[] }
  | { t: "failed"; key: string; error: JobError }
  /** The task succeeded but its files could not be fetched: a rerun downloads again. */
  | { t: "download-failed"; key: string; error: JobError };

/**
 * The embedded batch's append-only journal (JSON lines). Each append is written and fsync'd
 * before it resolves, one at a time, so a record that resolved survives a crash or power loss;
 * a torn last line (crash mid-write) is ignored on reading.
 */
export class Journal {
  private chain: Promise<void> = Promise.resolve();
  private broken: Error | undefined;

  private constructor(
    readonly path: string,
    private readonly file: FileHandle,
  ) {}

  /** Opens (creating) the journal and returns it with the records already in it. */
  static async open(path: string): Promise<{ journal: Journal; records: JournalRecord[] }> {
    let text = "";
    try {
      // Only a regular file holds records (a device such as /dev/full is written to, never read).
      if ((await stat(path)).isFile()) text = await readFile(path, "utf8");
    } catch (error) {
      if ((error as { code?: string }).code !== "ENOENT") throw journalError(path, error, "read");
    }
    try {
      await mkdir(dirname(path), { recursive: true });
      const file = await open(path, "a", 0o600);
      return { journal: new Journal(path, file), records: parseRecords(text) };
    } catch (error) {
      throw journalError(path, error, "open");
    }
  }

  /** Appends one record and fsyncs; rejects with a `BatchError` (disk full, ...) and stays broken after. */
  append(record: JournalRecord): Promise<void> {
    const next = this.chain.then(async () => {
      if (this.broken) throw this.broken;
      try {
        await this.file.write(`${JSON.stringify(record)}\n`);
        await this.file.sync();
      } catch (error) {
        this.broken = journalError(this.path, error, "write");
        throw this.broken;
      }
    });
    this.chain = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.chain;
    await this.file.close().catch(() => undefined);
  }
}

function parseRecords(text: string): JournalRecord[] {
  const out: JournalRecord[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    try {
      out.push(JSON.parse(line) as JournalRecord);
    } catch {
      // a torn write from a crash: the record never resolved, so nothing relied on it
    }
  }
  return out;
}

function journalError(path: string, error: unknown, action: string): BatchError {
  const code = (error as { code?: string }).code;
  const why = code === "ENOSPC" ? "the disk is full" : (error as Error).message;
  return new BatchError(
    code === "ENOSPC" ? "disk_full" : "journal",
    `Cannot ${action} the batch journal ${path}: ${why}. No create is sent without its journal record; free space and rerun to resume.`,
    { cause: error },
  );
}
