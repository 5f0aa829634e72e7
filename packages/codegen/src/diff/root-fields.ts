import { type GenModel, getBaseUrl, getHosts } from "@gen/spec";
import { diffAuth } from "./diff-auth.js";
import { type Emit, type FieldTable, runTable } from "./field-table.js";
import {
  constantFields,
  envelopeFields,
  errorCodeFields,
  type RootContext,
  reportKeys,
  requestFields,
  vendorFields,
} from "./root-parts-fields.js";
import { taskProtocolFields } from "./task-protocol-fields.js";

/** Every root field of the model, with how a change to it is released. */
export const rootFields: FieldTable<GenModel, RootContext> = {
  openapi: { bump: "patch", says: "the model's OpenAPI version (no effect on the generated API)" },
  info: ({ emit }, a, b) => {
    if ((a?.description ?? "") !== (b?.description ?? ""))
      emit({ bump: "patch", kind: "description-changed", message: "Package description updated" });
    if (a?.title !== b?.title || a?.version !== b?.version)
      emit({
        bump: "patch",
        kind: "catalog-info-changed",
        message: `Catalog ${b?.title} ${b?.version} (was ${a?.title} ${a?.version})`,
      });
  },
  servers: ({ a, b, emit }) => {
    const ua = getBaseUrl(a);
    const ub = getBaseUrl(b);
    if (ua !== ub)
      emit({ bump: "major", kind: "base-url-changed", message: `Base URL changed from ${ua} to ${ub}` });
  },
  paths: { via: "each operation (operationFields)" },
  components: { via: "the operations and task results whose schemas reference them" },
  security: { via: "x-gen-auth (the adapter turns a plain file's security into it)" },
  "x-gen-vendor": (ctx, a, b) => runTable(vendorFields, ctx, a, b, "Vendor", "vendor"),
  "x-gen-hosts": ({ a, b, emit }) => diffHosts(safeHosts(a), safeHosts(b), emit),
  "x-gen-auth": ({ a, b, emit }) => diffAuth(a, b, emit),
  "x-gen-envelope": (ctx, a, b) => {
    if (!a !== !b)
      ctx.emit({
        bump: "major",
        kind: "envelope-changed",
        message: b
          ? "Answers are now read inside an envelope"
          : "Answers are no longer wrapped in an envelope",
      });
    else runTable(envelopeFields, ctx, a ?? undefined, b ?? undefined, "Envelope", "envelope");
  },
  "x-gen-errors": (ctx, a, b) =>
    keyedEntries(ctx, a, b, "error-code", errorCodeFields, {
      removed: "Vendor code %s is no longer mapped (it surfaces as a generic error)",
      added: "Vendor code %s is now mapped to a typed error",
      label: "Vendor code",
    }),
  "x-gen-request": (ctx, a, b) => runTable(requestFields, ctx, a, b, "Request", "request"),
  "x-gen-task-protocol": (ctx, a, b) => {
    if (!a !== !b)
      ctx.emit({
        bump: "major",
        kind: "task-protocol-changed",
        message: b ? "The vendor now has async tasks" : "The vendor no longer has async tasks",
      });
    else runTable(taskProtocolFields, ctx, a, b, "Task protocol", "task");
  },
  "x-gen-constants": (ctx, a, b) =>
    keyedEntries(ctx, a, b, "constant", constantFields, {
      removed: "Constant %s removed (its export is gone)",
      added: "New constant %s",
      label: "Constant",
    }),
  "x-gen-generated": { via: "nothing: the do-not-edit note of the emitted file" },
};

/** A keyed map (codes, constants): a removed key is major, an added one minor, a changed one per `table`. */
function keyedEntries<V>(
  ctx: RootContext,
  a: Record<string, V> | undefined,
  b: Record<string, V> | undefined,
  kind: string,
  table: FieldTable<V, RootContext>,
  words: { removed: string; added: string; label: string },
): void {
  const changed = reportKeys(ctx.emit, a, b, kind, { ...words, bumpRemoved: "major", bumpAdded: "minor" });
  for (const key of changed) runTable(table, ctx, a?.[key], b?.[key], `${words.label} \`${key}\`:`, kind);
}

function diffHosts(ha: Record<string, string[]>, hb: Record<string, string[]>, emit: Emit): void {
  for (const group of new Set([...Object.keys(ha), ...Object.keys(hb)])) {
    const a = new Set(ha[group] ?? []);
    const b = new Set(hb[group] ?? []);
    const removed = [...a].filter((h) => !b.has(h));
    const added = [...b].filter((h) => !a.has(h));
    if (removed.length || added.length) {
      const parts = [
        ...(removed.length ? [`removed ${removed.join(", ")}`] : []),
        ...(added.length ? [`added ${added.join(", ")}`] : []),
      ];
      emit({
        bump: "major",
        kind: "hosts-changed",
        message: `Allowed ${group} hosts changed: ${parts.join("; ")}`,
      });
    }
  }
}

function safeHosts(model: GenModel): Record<string, string[]> {
  try {
    return getHosts(model) as unknown as Record<string, string[]>;
  } catch {
    return {};
  }
}
