import { readFile } from "node:fs/promises";

/** One journal record (the fields the tests read). */
export type Rec = { t: string; key: string };

/** Resolves once the journal's records satisfy `ready` (read on each change; the child must still run). */
export async function untilJournal(
  path: string,
  ready: (records: Rec[]) => boolean,
  exited: Promise<unknown>,
) {
  let done = false;
  void exited.then(() => {
    done = true;
  });
  for (;;) {
    if (done) throw new Error("gen batch finished before the kill point");
    const text = await readFile(path, "utf8").catch(() => "");
    const records = text
      .split("\n")
      .filter(Boolean)
      .flatMap((l) => {
        try {
          return [JSON.parse(l) as Rec];
        } catch {
          return [];
        }
      });
    if (ready(records)) return;
    await new Promise((r) => setTimeout(r, 5));
  }
}
