import type { XGenTaskProtocol } from "@gen/spec";
import { diffOutputSchema } from "./diff-output-schema.js";
import { type FieldTable, keyedDiff } from "./field-table.js";
import type { RootContext } from "./root-parts-fields.js";

export const taskProtocolFields: FieldTable<XGenTaskProtocol, RootContext> = {
  pollOperation: { bump: "major", says: "tasks are polled through another operation" },
  pollInput: { bump: "major", says: "the poll request carries the task id differently" },
  taskIdPath: { bump: "major", says: "task ids are read from another field (saved handles may not resume)" },
  statusPath: { bump: "major", says: "task states are read from another field" },
  statusMap: ({ emit }, a, b) => {
    const d = keyedDiff(a, b);
    for (const k of d.removed)
      emit({
        bump: "major",
        kind: "task-status-removed",
        message: `Task status \`${k}\` is no longer known (it now counts as running)`,
      });
    for (const k of d.changed)
      emit({
        bump: "major",
        kind: "task-status-changed",
        message: `Task status \`${k}\` now means ${b?.[k]} (was ${a?.[k]})`,
      });
    for (const k of d.added)
      emit({ bump: "minor", kind: "task-status-added", message: `Task status \`${k}\` now means ${b?.[k]}` });
  },
  progressPath: { bump: "minor", says: "progress is read from another field" },
  reasonPath: { bump: "minor", says: "failure reasons are read from another field" },
  resultPath: { bump: "major", says: "task results are read from another field" },
  resultEncoding: { bump: "major", says: "task results are decoded differently" },
  resultSchema: ({ a, b, emit }, sa, sb) =>
    diffOutputSchema({ model: a, schema: sa }, { model: b, schema: sb }, "Task result", emit),
  resultUrlPaths: ({ emit }, a, b) => {
    const lost = (a ?? []).filter((p) => !(b ?? []).includes(p));
    const won = (b ?? []).filter((p) => !(a ?? []).includes(p));
    if (lost.length)
      emit({
        bump: "major",
        kind: "result-urls-removed",
        message: `Task results no longer list ${lost.map((p) => `\`${p}\``).join(", ")} as downloadable URLs`,
      });
    if (won.length)
      emit({
        bump: "minor",
        kind: "result-urls-added",
        message: `Task results now list ${won.map((p) => `\`${p}\``).join(", ")} as downloadable URLs`,
      });
  },
  minDelayMs: { bump: "patch", says: "the default polling pace (callers can override it)" },
  maxDelayMs: { bump: "patch", says: "the default polling pace (callers can override it)" },
  timeoutMs: { bump: "minor", says: "waits give up after another time by default" },
};
