import type { EntryPoint } from "@gen/runtime";

/** An entry point by its name or method, loosely matched (`text_to_video`, `textToVideo`). */
export function findEntryPoint(entries: readonly EntryPoint[], name: string): EntryPoint | undefined {
  const key = name.toLowerCase().replace(/[\s_-]/g, "");
  return entries.find((e) => [e.name, e.method].some((n) => n.toLowerCase().replace(/[\s_-]/g, "") === key));
}
