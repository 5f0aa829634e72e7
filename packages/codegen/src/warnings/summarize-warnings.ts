import type { GenerationDiagnostic } from "@gen/spec";
import { jsonPointer } from "./json-pointer.js";
import { warningKind } from "./warning-kinds.js";

/**
 * Generation warnings as a short report: one group per code with its count, kind and fix, then
 * up to `perGroup` locations (`file > #/json/pointer: message`); `default` groups (what the
 * generator filled in) show no locations unless `verbose`.
 */
export function summarizeWarnings(
  warnings: readonly GenerationDiagnostic[],
  options: { verbose?: boolean; perGroup?: number } = {},
): string[] {
  const perGroup = options.verbose ? Number.POSITIVE_INFINITY : (options.perGroup ?? 3);
  const groups = new Map<string, GenerationDiagnostic[]>();
  for (const w of warnings) groups.set(w.code, [...(groups.get(w.code) ?? []), w]);
  const order = { dropped: 0, weakened: 1, info: 2, default: 3 };
  const codes = [...groups.keys()].sort(
    (a, b) => order[warningKind(a).kind] - order[warningKind(b).kind] || a.localeCompare(b),
  );
  const lines: string[] = [];
  for (const code of codes) {
    const list = groups.get(code) ?? [];
    const { kind, fix } = warningKind(code);
    const quiet = kind === "default" && !options.verbose;
    lines.push(
      `warning [${code}] x${list.length} (${kind}${quiet ? ", --verbose lists them" : ""}): fix: ${fix}`,
    );
    if (quiet) continue;
    const shown = Math.min(perGroup, list.length);
    for (const w of list.slice(0, shown)) lines.push(`  ${w.file ?? ""} > ${jsonPointer(w)}: ${w.message}`);
    if (list.length > shown) lines.push(`  ... ${list.length - shown} more (--verbose lists every one)`);
  }
  return lines;
}

/** Warnings `--strict` fails on: something in the file was dropped or typed/checked less. */
export function strictFailures(warnings: readonly GenerationDiagnostic[]): GenerationDiagnostic[] {
  return warnings.filter((w) => {
    const { kind } = warningKind(w.code);
    return kind === "weakened" || kind === "dropped";
  });
}
