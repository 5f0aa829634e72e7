import { mkdtemp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HISTORY_LIMIT, HistoryStore } from "../src/history-store.js";
import type { RunRecord } from "../src/run-record.js";

const run = (id: string, state: RunRecord["state"], createdAt = new Date().toISOString()): RunRecord => ({
  id,
  vendor: "mediaio",
  operation: "t2iImagen4",
  input: { prompt: "x" },
  createdAt,
  state,
  handle: { vendor: "mediaio", operation: "t2iImagen4", taskId: `task-${id}`, createdAt },
  code: { typescript: "", gen: "", curl: "" },
});

async function scratch(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), "gen-studio-history-")), "history.json");
}

describe("HistoryStore", () => {
  it("keeps handles across a restart; runs that were followed come back stopped", async () => {
    const path = await scratch();
    const store = await HistoryStore.open(path);
    await store.save(run("a", "succeeded", "2026-01-01T00:00:00.000Z"));
    await store.save(run("b", "running", "2026-01-02T00:00:00.000Z"));
    expect((await stat(path)).mode & 0o777).toBe(0o600);

    const reopened = await HistoryStore.open(path);
    expect(reopened.list().map((r) => [r.id, r.state, r.handle?.taskId])).toEqual([
      ["b", "stopped", "task-b"],
      ["a", "succeeded", "task-a"],
    ]);
  });

  it("moves an unreadable file aside instead of failing or overwriting it", async () => {
    const path = await scratch();
    await writeFile(path, "{ not json");
    const store = await HistoryStore.open(path);
    expect(store.list()).toEqual([]);
    expect(store.recoveredFrom).toMatch(/history\.json\.unreadable-\d+$/);
    expect(await readFile(store.recoveredFrom as string, "utf8")).toBe("{ not json");
    await store.save(run("c", "succeeded"));
    expect((await HistoryStore.open(path)).list().map((r) => r.id)).toEqual(["c"]);
  });

  it(`keeps the newest ${HISTORY_LIMIT} runs`, async () => {
    const path = await scratch();
    const store = await HistoryStore.open(path);
    const day = Date.UTC(2026, 0, 1);
    const saves: Promise<void>[] = [];
    for (let i = 0; i <= HISTORY_LIMIT; i++) {
      saves.push(store.save(run(`r${i}`, "succeeded", new Date(day + i * 1000).toISOString())));
    }
    await Promise.all(saves);
    const ids = (await HistoryStore.open(path)).list().map((r) => r.id);
    expect(ids).toHaveLength(HISTORY_LIMIT);
    expect(ids).not.toContain("r0");
    expect(ids[0]).toBe(`r${HISTORY_LIMIT}`);
    expect((await readdir(join(path, ".."))).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
