import { type GenModel, getBaseUrl, getHosts } from "@gen/spec";
import { type InputField, type OperationPlan, planOperations } from "../emit/operation-plan.js";
import { diffInputSchema } from "./diff-schema.js";
import type { ModelChange } from "./model-change.js";
import { sortChanges } from "./model-change.js";

/**
 * Compares two normalised models (pure): every change a user of the generated package can
 * notice, with its semver bump. Patch: documentation only; minor: additions (operations,
 * optional parameters, enum values, widened ranges); major: removals, newly required parameters,
 * narrowed enums or ranges, changed wire names, paths or hosts. Changes the rules do not name
 * (errors, envelope, task protocol...) are reported as one patch.
 */
export function diffModels(before: GenModel, after: GenModel): ModelChange[] {
  const out: ModelChange[] = [];
  diffHosts(before, after, out);
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
    } else diffOperation(before, a, after, b, out);
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
  if ((before.info?.description ?? "") !== (after.info?.description ?? ""))
    out.push({ bump: "patch", kind: "description-changed", message: "Package description updated" });
  if (out.length === 0 && canonical(before) !== canonical(after))
    out.push({
      bump: "patch",
      kind: "model-changed",
      message: "Regenerated from an updated catalog (no change to operations or parameters)",
    });
  return sortChanges(out);
}

function diffHosts(before: GenModel, after: GenModel, out: ModelChange[]): void {
  const ua = getBaseUrl(before);
  const ub = getBaseUrl(after);
  if (ua !== ub)
    out.push({ bump: "major", kind: "base-url-changed", message: `Base URL changed from ${ua} to ${ub}` });
  const ha = safeHosts(before);
  const hb = safeHosts(after);
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
      out.push({
        bump: "major",
        kind: "hosts-changed",
        message: `Allowed ${group} hosts changed: ${parts.join("; ")}`,
      });
    }
  }
}

function diffOperation(
  ma: GenModel,
  a: OperationPlan,
  mb: GenModel,
  b: OperationPlan,
  out: ModelChange[],
): void {
  const op = a.id;
  const push = (c: Omit<ModelChange, "operation">) => out.push({ ...c, operation: op });
  if (a.method !== b.method || a.path !== b.path)
    push({
      bump: "major",
      kind: "wire-path-changed",
      message: `\`${op}\`: endpoint changed from \`${a.method} ${a.path}\` to \`${b.method} ${b.path}\``,
    });
  const namesA = new Set([a.name, ...a.aliases]);
  const namesB = new Set([b.name, ...b.aliases]);
  const lost = [...namesA].filter((n) => !namesB.has(n));
  const gained = [...namesB].filter((n) => !namesA.has(n));
  if (lost.length)
    push({
      bump: "major",
      kind: "name-removed",
      message: `\`${op}\`: name(s) ${lost.map(code).join(", ")} removed`,
    });
  if (gained.length)
    push({
      bump: "minor",
      kind: "name-added",
      message: `\`${op}\`: new name(s) ${gained.map(code).join(", ")}`,
    });
  if (a.kind !== b.kind || a.task !== b.task)
    push({
      bump: "major",
      kind: "operation-kind-changed",
      message: `\`${op}\`: now ${b.task ? "a task" : b.kind === "create" ? "a paid create" : "a read"} (was ${a.task ? "a task" : a.kind === "create" ? "a paid create" : "a read"})`,
    });
  if ((a.summary ?? "") !== (b.summary ?? "") || (a.description ?? "") !== (b.description ?? ""))
    push({ bump: "patch", kind: "description-changed", message: `\`${op}\`: description updated` });
  if (a.deprecated !== b.deprecated)
    push({
      bump: b.deprecated ? "minor" : "patch",
      kind: "deprecation-changed",
      message: `\`${op}\`: ${b.deprecated ? "deprecated" : "no longer deprecated"}`,
    });
  const union = Boolean(a.variants || b.variants);
  const va = variantsOf(a, union);
  const vb = variantsOf(b, union);
  const many = va.length > 1 || vb.length > 1;
  for (const v of va) {
    const w = vb.find((x) => x.key === v.key);
    if (!w) {
      push({
        bump: "major",
        kind: "variant-removed",
        message: `\`${op}\` body shape ${v.key}: no longer accepted`,
      });
      continue;
    }
    diffFields(ma, v.fields, mb, w.fields, op, many ? ` (body shape ${v.key})` : "", push);
  }
  for (const w of vb)
    if (!va.some((v) => v.key === w.key))
      push({ bump: "minor", kind: "variant-added", message: `\`${op}\`: new body shape ${w.key}` });
  if (a.openBody && !b.openBody)
    push({
      bump: "major",
      kind: "body-closed",
      message: `\`${op}\`: unknown body fields no longer accepted`,
    });
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
  ma: GenModel,
  a: InputField[],
  mb: GenModel,
  b: InputField[],
  op: string,
  shape: string,
  push: (c: Omit<ModelChange, "operation">) => void,
): void {
  const fa = new Map(a.map((f) => [f.name, f]));
  const fb = new Map(b.map((f) => [f.name, f]));
  for (const [name, f] of fa) {
    const g = fb.get(name);
    const where = `\`${op}\`${shape} parameter \`${name}\``;
    if (!g) {
      push({ bump: "major", kind: "parameter-removed", message: `${where} removed` });
      continue;
    }
    diffField(ma, f, mb, g, where, push);
  }
  for (const [name, g] of fb) {
    if (fa.has(name)) continue;
    push({
      bump: g.required ? "major" : "minor",
      kind: g.required ? "parameter-added-required" : "parameter-added",
      message: `\`${op}\`${shape}: new ${g.required ? "required" : "optional"} parameter \`${name}\``,
    });
  }
}

function diffField(
  ma: GenModel,
  f: InputField,
  mb: GenModel,
  g: InputField,
  where: string,
  push: (c: Omit<ModelChange, "operation">) => void,
): void {
  if (f.in !== g.in || f.wireName !== g.wireName)
    push({
      bump: "major",
      kind: "wire-name-changed",
      message: `${where}: sent as ${g.in} \`${g.wireName}\` (was ${f.in} \`${f.wireName}\`)`,
    });
  if (!f.required && g.required)
    push({ bump: "major", kind: "parameter-now-required", message: `${where} is now required` });
  if (f.required && !g.required)
    push({ bump: "minor", kind: "parameter-now-optional", message: `${where} is now optional` });
  diffInputSchema({ model: ma, schema: f.schema }, { model: mb, schema: g.schema }, where, push);
}

function plansById(model: GenModel): Map<string, OperationPlan> {
  try {
    return new Map(planOperations(model).map((p) => [p.id, p]));
  } catch {
    return new Map();
  }
}

function safeHosts(model: GenModel): Record<string, string[]> {
  try {
    return getHosts(model) as unknown as Record<string, string[]>;
  } catch {
    return {};
  }
}

function canonical(model: GenModel): string {
  const { "x-gen-generated": _note, ...rest } = model;
  return JSON.stringify(sortDeep(rest));
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((k) => [k, sortDeep((value as Record<string, unknown>)[k])]),
    );
  return value;
}

function code(text: string): string {
  return `\`${text}\``;
}
