import type { InputField, OperationPlan } from "../emit/operation-plan.js";
import { diffOutputSchema } from "./diff-output-schema.js";
import { diffInputSchema } from "./diff-schema.js";
import { type FieldTable, runTable } from "./field-table.js";
import type { OperationContext } from "./operation-context.js";
import { xOperationFields } from "./x-operation-fields.js";

const code = (text: string) => `\`${text}\``;
const what = (p: OperationPlan) => (p.task ? "a task" : p.kind === "create" ? "a paid create" : "a read");

/** Every field of an operation's plan, with how a change to it is released. */
export const operationFields: FieldTable<OperationPlan, OperationContext> = {
  source: (ctx, a, b) => runTable(xOperationFields, ctx, a?.xGen, b?.xGen, `\`${ctx.op}\``, "operation"),
  id: { via: "diffModels (a changed id is a removed and an added operation)" },
  typeName: { via: "id (derived from it)" },
  name: ({ op, pa, pb, emit }) => {
    const namesA = new Set([pa.name, ...pa.aliases]);
    const namesB = new Set([pb.name, ...pb.aliases]);
    const lost = [...namesA].filter((n) => !namesB.has(n));
    const gained = [...namesB].filter((n) => !namesA.has(n));
    if (lost.length)
      emit({
        bump: "major",
        kind: "name-removed",
        message: `\`${op}\`: name(s) ${lost.map(code).join(", ")} removed`,
      });
    if (gained.length)
      emit({
        bump: "minor",
        kind: "name-added",
        message: `\`${op}\`: new name(s) ${gained.map(code).join(", ")}`,
      });
  },
  aliases: { via: "name" },
  method: ({ op, pa, pb, emit }) => {
    if (pa.method !== pb.method || pa.path !== pb.path)
      emit({
        bump: "major",
        kind: "wire-path-changed",
        message: `\`${op}\`: endpoint changed from \`${pa.method} ${pa.path}\` to \`${pb.method} ${pb.path}\``,
      });
  },
  path: { via: "method" },
  kind: ({ op, pa, pb, emit }) => {
    if (pa.kind !== pb.kind || pa.task !== pb.task)
      emit({
        bump: "major",
        kind: "operation-kind-changed",
        message: `\`${op}\`: now ${what(pb)} (was ${what(pa)})`,
      });
  },
  task: { via: "kind" },
  estimatedMs: { bump: "patch", says: "the documented duration of the task" },
  fields: (ctx) => diffShapes(ctx),
  variants: { via: "fields (each body shape is compared field by field)" },
  discriminator: { via: "fields (it names the body shapes)" },
  body: { bump: "major", says: "the request body is sent with another media type or encoding" },
  queryStyles: { bump: "major", says: "query fields are serialised differently on the wire" },
  responseType: { bump: "major", says: "the success response is returned as another type" },
  openBody: ({ op, pa, pb, emit }) => {
    if (pa.openBody && !pb.openBody)
      emit({
        bump: "major",
        kind: "body-closed",
        message: `\`${op}\`: unknown body fields no longer accepted`,
      });
    if (!pa.openBody && pb.openBody)
      emit({ bump: "minor", kind: "body-opened", message: `\`${op}\`: unknown body fields now accepted` });
  },
  output: ({ ma, mb, op, emit }, a, b) =>
    diffOutputSchema({ model: ma, schema: a }, { model: mb, schema: b }, `\`${op}\` response`, emit),
  summary: ({ op, pa, pb, emit }) => {
    if ((pa.summary ?? "") !== (pb.summary ?? "") || (pa.description ?? "") !== (pb.description ?? ""))
      emit({ bump: "patch", kind: "description-changed", message: `\`${op}\`: description updated` });
  },
  description: { via: "summary" },
  deprecated: ({ op, pa, pb, emit }) => {
    if (pa.deprecated !== pb.deprecated)
      emit({
        bump: pb.deprecated ? "minor" : "patch",
        kind: "deprecation-changed",
        message: `\`${op}\`: ${pb.deprecated ? "deprecated" : "no longer deprecated"}`,
      });
  },
};

/** Compares the input: one field list, or per body shape of a `oneOf`/`anyOf` body. */
function diffShapes(ctx: OperationContext): void {
  const { pa, pb, op, emit } = ctx;
  const union = Boolean(pa.variants || pb.variants);
  const va = variantsOf(pa, union);
  const vb = variantsOf(pb, union);
  const many = va.length > 1 || vb.length > 1;
  for (const v of va) {
    const w = vb.find((x) => x.key === v.key);
    if (!w)
      emit({
        bump: "major",
        kind: "variant-removed",
        message: `\`${op}\` body shape ${v.key}: no longer accepted`,
      });
    else diffFields(ctx, v.fields, w.fields, many ? ` (body shape ${v.key})` : "");
  }
  for (const w of vb)
    if (!va.some((v) => v.key === w.key))
      emit({ bump: "minor", kind: "variant-added", message: `\`${op}\`: new body shape ${w.key}` });
}

/**
 * The input shapes of an operation: its variants (a `oneOf`/`anyOf` body) or its one field list,
 * keyed by the constant they pin (`mode=text`) when `union` (either side has variants).
 */
function variantsOf(plan: OperationPlan, union: boolean): Array<{ key: string; fields: InputField[] }> {
  if (!union) return [{ key: "(body)", fields: plan.fields }];
  return (plan.variants ?? [{ fields: plan.fields, open: plan.openBody }]).map((v, i) => {
    const pinned = v.fields.find((f) => {
      const s = f.in === "body" ? f.schema : undefined;
      return (
        s &&
        (s.const !== undefined || s.enum?.length === 1) &&
        (!plan.discriminator || f.name === plan.discriminator)
      );
    });
    const value = pinned && (pinned.schema.const ?? pinned.schema.enum?.[0]);
    return { key: pinned ? `${pinned.name}=${String(value)}` : `#${i + 1}`, fields: v.fields };
  });
}

function diffFields(
  { ma, mb, op, emit }: OperationContext,
  a: InputField[],
  b: InputField[],
  shape: string,
): void {
  const fa = new Map(a.map((f) => [f.name, f]));
  const fb = new Map(b.map((f) => [f.name, f]));
  for (const [name, f] of fa) {
    const g = fb.get(name);
    const where = `\`${op}\`${shape} parameter \`${name}\``;
    if (!g) emit({ bump: "major", kind: "parameter-removed", message: `${where} removed` });
    else diffField(ma, f, mb, g, where, emit);
  }
  for (const [name, g] of fb) {
    if (fa.has(name)) continue;
    emit({
      bump: g.required ? "major" : "minor",
      kind: g.required ? "parameter-added-required" : "parameter-added",
      message: `\`${op}\`${shape}: new ${g.required ? "required" : "optional"} parameter \`${name}\``,
    });
  }
}

function diffField(
  ma: OperationContext["ma"],
  f: InputField,
  mb: OperationContext["mb"],
  g: InputField,
  where: string,
  emit: OperationContext["emit"],
): void {
  if (f.in !== g.in || f.wireName !== g.wireName)
    emit({
      bump: "major",
      kind: "wire-name-changed",
      message: `${where}: sent as ${g.in} \`${g.wireName}\` (was ${f.in} \`${f.wireName}\`)`,
    });
  if (!f.required && g.required)
    emit({ bump: "major", kind: "parameter-now-required", message: `${where} is now required` });
  if (f.required && !g.required)
    emit({ bump: "minor", kind: "parameter-now-optional", message: `${where} is now optional` });
  diffInputSchema({ model: ma, schema: f.schema }, { model: mb, schema: g.schema }, where, emit);
}
