import { getTaskProtocol, type XGenOperation } from "@gen/spec";
import { diffOutputSchema } from "./diff-output-schema.js";
import { diffRules } from "./diff-rules.js";
import { type FieldTable, keyedDiff, show } from "./field-table.js";
import type { OperationContext } from "./operation-context.js";

type TaskDetails = Exclude<NonNullable<XGenOperation["task"]>, boolean>;
const details = (t: XGenOperation["task"]): TaskDetails => (typeof t === "object" ? t : {});

/** Every field of `x-gen-operation`, with how a change to it is released. */
export const xOperationFields: FieldTable<XGenOperation, OperationContext> = {
  name: { via: "operationFields.name" },
  aliases: { via: "operationFields.name" },
  kind: { via: "operationFields.kind" },
  task: ({ ma, mb, op, emit }, a, b) => {
    const da = details(a);
    const db = details(b);
    if (da.resultSchema || db.resultSchema) {
      const root = (m: typeof ma) => getTaskProtocol(m)?.resultSchema;
      diffOutputSchema(
        { model: ma, schema: da.resultSchema ?? root(ma) },
        { model: mb, schema: db.resultSchema ?? root(mb) },
        `\`${op}\` task result`,
        emit,
      );
    }
    if (JSON.stringify(da.resultUrlPaths) !== JSON.stringify(db.resultUrlPaths))
      emit({
        bump: (da.resultUrlPaths ?? []).every((p) => db.resultUrlPaths?.includes(p)) ? "minor" : "major",
        kind: "result-urls-changed",
        message: `\`${op}\`: downloadable result URLs now ${show(db.resultUrlPaths)} (was ${show(da.resultUrlPaths)})`,
      });
  },
  constBody: ({ op, emit }, a, b) => {
    const d = keyedDiff(a, b);
    const keys = [...d.removed, ...d.added, ...d.changed];
    if (keys.length)
      emit({
        bump: "major",
        kind: "const-body-changed",
        message: `\`${op}\`: fixed body field(s) ${keys.map((k) => `\`${k}\``).join(", ")} sent on the wire changed`,
      });
  },
  headerParams: { via: "operationFields.fields (a header parameter's wire name)" },
  rules: ({ op, emit }, a, b) => diffRules(a, b, op, emit),
  notes: { bump: "patch", says: "documentation notes" },
  outputAliases: ({ op, emit }, a, b) => {
    const d = keyedDiff(a, b);
    for (const k of d.removed)
      emit({
        bump: "major",
        kind: "output-alias-removed",
        message: `\`${op}\`: output field \`${k}\` removed`,
      });
    for (const k of d.added)
      emit({ bump: "minor", kind: "output-alias-added", message: `\`${op}\`: new output field \`${k}\`` });
    for (const k of d.changed)
      emit({
        bump: "minor",
        kind: "output-alias-changed",
        message: `\`${op}\`: output field \`${k}\` now read from ${show(b?.[k])} (was ${show(a?.[k])})`,
      });
  },
};
