import type {
  GenModel,
  XGenConstants,
  XGenEnvelope,
  XGenErrorCode,
  XGenRequest,
  XGenVendor,
} from "@gen/spec";
import { type Emit, type FieldTable, keyedDiff } from "./field-table.js";

/** What every root-level comparison sees. */
export interface RootContext {
  a: GenModel;
  b: GenModel;
  emit: Emit;
}

export const vendorFields: FieldTable<XGenVendor, RootContext> = {
  id: { bump: "major", says: "task handles, the CLI and env lookups name the vendor by it" },
  packageName: { bump: "major", says: "users install and import another package" },
  displayName: { bump: "patch", says: "the vendor's name in documentation and messages" },
  factory: { bump: "major", says: "the factory function is exported under another name" },
  packageVersion: { via: "changesets (this file decides the bump)" },
};

export const envelopeFields: FieldTable<XGenEnvelope, RootContext> = {
  codeField: { bump: "major", says: "answers are judged by another field" },
  messageField: { bump: "minor", says: "vendor messages are read from another field" },
  dataField: { bump: "major", says: "results are read from another field" },
  traceIdField: { bump: "minor", says: "trace ids are read from another field" },
  successCodes: ({ emit }, a, b) => {
    const before = new Set((a ?? []).map(String));
    const after = new Set((b ?? []).map(String));
    const lost = [...before].filter((c) => !after.has(c));
    const won = [...after].filter((c) => !before.has(c));
    if (lost.length)
      emit({
        bump: "major",
        kind: "success-code-removed",
        message: `Answers with code ${lost.map((c) => `\`${c}\``).join(", ")} are no longer a success (they now raise an error)`,
      });
    if (won.length)
      emit({
        bump: "minor",
        kind: "success-code-added",
        message: `Answers with code ${won.map((c) => `\`${c}\``).join(", ")} now count as a success`,
      });
  },
};

export const requestFields: FieldTable<XGenRequest, RootContext> = {
  bodyWrapper: { bump: "major", says: "request bodies are wrapped differently on the wire" },
  sendDefaults: { bump: "minor", says: "whether absent optional inputs are sent with their defaults" },
  headers: { bump: "major", says: "the constant headers sent with every request (e.g. an API version)" },
};

export const errorCodeFields: FieldTable<XGenErrorCode, RootContext> = {
  kind: { bump: "major", says: "code that catches errors by kind sees another kind" },
  message: { bump: "patch", says: "the message shown to users" },
  messages: { bump: "patch", says: "translated messages" },
  retryable: { bump: "minor", says: "whether reads and polls retry this code" },
  retryCreate: { bump: "minor", says: "how often a refused paid create is resubmitted" },
  retryDelayMs: { bump: "patch", says: "the wait before such a retry" },
  httpStatus: { bump: "patch", says: "the HTTP status the simulator answers with" },
};

type ConstantEntry = XGenConstants[string];
export const constantFields: FieldTable<ConstantEntry, RootContext> = {
  description: { bump: "patch", says: "documentation" },
  value: { bump: "minor", says: "the exported data changed" },
  file: { bump: "patch", says: "where the data is read from" },
};

/** Removed and added keys of a keyed root map, in words. */
export function reportKeys(
  emit: Emit,
  a: Record<string, unknown> | undefined,
  b: Record<string, unknown> | undefined,
  kind: string,
  words: { removed: string; added: string; bumpRemoved: "major" | "minor"; bumpAdded: "minor" | "patch" },
): string[] {
  const d = keyedDiff(a, b);
  for (const k of d.removed)
    emit({
      bump: words.bumpRemoved,
      kind: `${kind}-removed`,
      message: words.removed.replace("%s", `\`${k}\``),
    });
  for (const k of d.added)
    emit({ bump: words.bumpAdded, kind: `${kind}-added`, message: words.added.replace("%s", `\`${k}\``) });
  return d.changed;
}
