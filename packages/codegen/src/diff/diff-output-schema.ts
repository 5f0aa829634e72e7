import type { GenModel, JsonSchema } from "@gen/spec";
import type { ModelChange } from "./model-change.js";
import { outputShape } from "./output-shape.js";

type Emit = (change: Omit<ModelChange, "operation">) => void;

/**
 * Compares what a consumer reads (a response or a task result): a field removed or retyped breaks
 * code that reads it (major); a new field is an addition (minor). `what` names the value in the
 * messages ("`make` response").
 */
export function diffOutputSchema(
  before: { model: GenModel; schema: JsonSchema | undefined },
  after: { model: GenModel; schema: JsonSchema | undefined },
  what: string,
  emit: Emit,
): void {
  const a = outputShape(before.model, before.schema);
  const b = outputShape(after.model, after.schema);
  const removed = [...a.keys()].filter((p) => !b.has(p));
  const added = [...b.keys()].filter((p) => !a.has(p));
  const retyped = [...a.keys()].filter((p) => b.has(p) && a.get(p) !== b.get(p));
  if (a.size > 0 && b.size === 0)
    emit({
      bump: "major",
      kind: "output-emptied",
      message: `${what}: no longer describes any field (${a.size} typed field(s) become unknown)`,
    });
  else if (removed.length)
    emit({
      bump: "major",
      kind: "output-field-removed",
      message: `${what}: field(s) ${list(removed)} removed`,
    });
  if (retyped.length)
    emit({
      bump: "major",
      kind: "output-field-retyped",
      message: `${what}: ${retyped.map((p) => `\`${p}\` is now ${b.get(p)} (was ${a.get(p)})`).join(", ")}`,
    });
  if (added.length)
    emit({ bump: "minor", kind: "output-field-added", message: `${what}: new field(s) ${list(added)}` });
}

function list(paths: string[]): string {
  const shown = paths.slice(0, 5).map((p) => `\`${p}\``);
  return paths.length > 5 ? `${shown.join(", ")} and ${paths.length - 5} more` : shown.join(", ");
}
