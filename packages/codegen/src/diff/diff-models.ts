import type { GenModel } from "@gen/spec";
import { type OperationPlan, planOperations } from "../emit/operation-plan.js";
import { canonicalJson, runTable } from "./field-table.js";
import type { ModelChange } from "./model-change.js";
import { sortChanges } from "./model-change.js";
import { operationFields } from "./operation-fields.js";
import { rootFields } from "./root-fields.js";

/**
 * Compares two normalised models (pure), field by field through exhaustive tables (`rootFields`,
 * `operationFields`, `xOperationFields` and the tables they call), so every field of the plan has
 * a decided semver effect. Patch: documentation only; minor: additions (operations, optional
 * parameters, enum values, response fields, success codes); major: removals and anything that
 * refuses, sends or reads differently what worked before (new refusing rules, renamed auth headers,
 * dropped success codes, emptied response schemas, changed wire names, paths or hosts).
 */
export function diffModels(before: GenModel, after: GenModel): ModelChange[] {
  const out: ModelChange[] = [];
  const emit = (c: Omit<ModelChange, "operation">) => out.push(c);
  runTable(rootFields, { a: before, b: after, emit }, before, after, "Model", "model");
  const pa = plansById(before);
  const pb = plansById(after);
  for (const [id, a] of pa) {
    const b = pb.get(id);
    if (!b) {
      out.push({
        bump: "major",
        kind: "operation-removed",
        operation: id,
        message: `Removed operation \`${id}\` (\`${a.method} ${a.path}\`)`,
      });
      continue;
    }
    const ctx = {
      ma: before,
      mb: after,
      pa: a,
      pb: b,
      op: id,
      emit: (c: Omit<ModelChange, "operation">) => out.push({ ...c, operation: id }),
    };
    runTable(operationFields, ctx, a, b, `\`${id}\``, "operation");
  }
  for (const [id, b] of pb) {
    if (pa.has(id)) continue;
    out.push({
      bump: "minor",
      kind: "operation-added",
      operation: id,
      message: `Added operation \`${id}\` (\`${b.method} ${b.path}\`)`,
    });
  }
  if (out.length === 0 && canonical(before) !== canonical(after))
    out.push({
      bump: "patch",
      kind: "model-changed",
      message: "Regenerated from an updated catalog (no change a user of the package can notice)",
    });
  return sortChanges(out);
}

function plansById(model: GenModel): Map<string, OperationPlan> {
  try {
    return new Map(planOperations(model).map((p) => [p.id, p]));
  } catch {
    return new Map();
  }
}

function canonical(model: GenModel): string {
  const { "x-gen-generated": _note, ...rest } = model;
  return canonicalJson(rest);
}
