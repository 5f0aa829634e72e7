import { appendFile, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { foldJournal } from "../src/job-state.js";
import { Journal } from "../src/journal.js";

const handle = { vendor: "acme", operation: "make", taskId: "t1", createdAt: "2026-01-01T00:00:00.000Z" };

describe("Journal", () => {
  it("appends records one per line and reads them back after reopening", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "journal-")), "sub", "r.journal");
    const first = await Journal.open(path);
    expect(first.records).toEqual([]);
    await Promise.all([
      first.journal.append({ t: "creating", key: "a", fp: "f", at: "now" }),
      first.journal.append({ t: "created", key: "a", handle }),
    ]);
    await first.journal.close();
    const again = await Journal.open(path);
    expect(again.records.map((r) => r.t)).toEqual(["creating", "created"]);
    await again.journal.close();
  });

  it("ignores a torn last line (a crash mid-write) and keeps appending after it", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "journal-")), "r.journal");
    const { journal } = await Journal.open(path);
    await journal.append({ t: "creating", key: "a", fp: "f", at: "now" });
    await journal.close();
    await appendFile(path, '{"t":"created","key":"a","han');
    const reopened = await Journal.open(path);
    expect(reopened.records).toHaveLength(1);
    expect(foldJournal(reopened.records).get("a")?.phase).toBe("creating");
    await reopened.journal.append({
      t: "failed",
      key: "a",
      error: { kind: "x", message: "m", created: "unknown" },
    });
    await reopened.journal.close();
    const text = await readFile(path, "utf8");
    expect(text.split("\n").filter(Boolean).at(-1)).toContain('"t":"failed"');
  });

  it("a write to a full device rejects with a disk_full BatchError and refuses later appends", async () => {
    const { journal } = await Journal.open("/dev/full");
    const error = await journal.append({ t: "creating", key: "a", fp: "f", at: "now" }).catch((e) => e);
    expect(error.kind).toBe("disk_full");
    expect(error.message).toMatch(/the disk is full\. No create is sent without its journal record/);
    await expect(journal.append({ t: "done", key: "a", files: [] })).rejects.toBe(error);
    await journal.close();
  });
});

describe("foldJournal", () => {
  it("tracks each job's phase and refunds the cost of a create the vendor refused", () => {
    const states = foldJournal([
      { t: "creating", key: "a", fp: "1", at: "", cost: 5 },
      { t: "failed", key: "a", error: { kind: "insufficient_credits", message: "", created: false } },
      { t: "creating", key: "b", fp: "2", at: "", cost: 7 },
      { t: "created", key: "b", handle },
      { t: "result", key: "b", result: { url: "https://x/y" }, urls: ["https://x/y"] },
      { t: "download-failed", key: "b", error: { kind: "download_network", message: "", created: true } },
    ]);
    expect(states.get("a")).toMatchObject({ phase: "failed", spent: 0 });
    expect(states.get("b")).toMatchObject({ phase: "result", spent: 7, handle, urls: ["https://x/y"] });
    expect(states.get("b")?.error?.kind).toBe("download_network");
  });
});
