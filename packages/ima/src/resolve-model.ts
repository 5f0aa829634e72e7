import { InvalidRequestError } from "@gen/runtime";
import type { ImaModelEntry, ImaModelTable } from "./model-table.js";

/** A model request resolved for one task type. */
export interface ResolvedModel {
  /** The vendor's model id for the task type (`wan2.6-t2v`). */
  modelId: string;
  /** Friendly name (`Wan 2.6`), when the table knows the model. */
  name?: string;
  /** Version pin when the request named one of several versions (`Pixverse V5.5`). */
  version?: string;
  /** Estimated generation time in ms, when known. */
  estimatedMs?: readonly [number, number];
}

const squash = (s: string): string =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_]+/g, "");

function resolved(entry: ImaModelEntry, modelId: string, version?: string): ResolvedModel {
  const est = entry.estimatedSeconds;
  return {
    modelId,
    name: entry.name,
    ...(version !== undefined ? { version } : {}),
    ...(est && est.length === 2 ? { estimatedMs: [est[0]! * 1000, est[1]! * 1000] as const } : {}),
  };
}

/**
 * Resolve a model name, alias (incl. Chinese: `可灵`), version name or model id for a task type
 * (`Wan` gives `wan2.6-t2v` for text and `wan2.6-i2v` for image to video); without one, the
 * task type's default. Case, spaces and underscores are ignored. An unknown value passes through
 * as a model id (the live product list decides); a known model not offered for the task type
 * is refused, naming the task types that have it.
 */
export function resolveModel(table: ImaModelTable, taskType: string, model?: string): ResolvedModel {
  const wanted = model?.trim() || table.defaults[taskType];
  if (!wanted) {
    throw InvalidRequestError.fromIssues([
      { field: "model", rule: "required", message: `no default model for task type ${taskType}; pass model` },
    ]);
  }
  const key = squash(wanted);
  for (const entry of table.models) {
    const version = entry.versions?.find((v) => squash(v) === key);
    const named =
      version !== undefined ||
      squash(entry.name) === key ||
      (entry.aliases ?? []).some((a) => squash(a) === key) ||
      Object.values(entry.ids).some((id) => id !== undefined && squash(id) === key);
    if (!named) continue;
    const modelId = entry.ids[taskType];
    if (!modelId) {
      const offered = Object.keys(entry.ids).join(", ");
      throw InvalidRequestError.fromIssues([
        {
          field: "model",
          rule: "task_type",
          message: `${entry.name} is not offered for ${taskType}; it is offered for ${offered}`,
        },
      ]);
    }
    return resolved(entry, modelId, version);
  }
  return { modelId: wanted };
}
