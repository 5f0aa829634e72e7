import { type JsonSchema, resolveSchema } from "@gen/spec";
import CodeBlockWriter from "code-block-writer";
import type { EmitContext } from "./emit-context.js";
import { FirstEmitter } from "./first-emitter.js";
import { genHeader } from "./header.js";
import { hoistRepeats, TS_UNIONS } from "./hoist-repeats.js";
import { hoistShapes, type ShapeKind } from "./hoist-shapes.js";
import { pascalCase, propKey } from "./names.js";
import type { OperationPlan } from "./operation-plan.js";
import { docComment, schemaToTs } from "./schema-to-ts.js";

/** `types.gen.ts`: `<Op>Input` / `<Op>Output` (and `<Op>Result` for tasks), the task-result type. */
export function emitTypes(ctx: EmitContext): string {
  const w = new CodeBlockWriter({ indentNumberOfSpaces: 2 });
  const body: string[] = [];
  const protocol = ctx.model["x-gen-task-protocol"];
  if (ctx.taskResultType && protocol) {
    const t = protocol.resultSchema
      ? schemaToTs(protocol.resultSchema, {
          model: ctx.model,
          enums: ctx.enums,
          lenient: true,
          nameHint: ctx.taskResultType,
        })
      : "unknown";
    body.push(
      `/** Decoded result of a finished ${ctx.vendor.displayName} task: what a task's \`wait()\` resolves to. */\nexport type ${ctx.taskResultType} = ${t};\n`,
    );
  }
  const first = new FirstEmitter();
  for (const plan of ctx.plans) body.push(emitOperationTypes(ctx, plan, first));
  w.write(genHeader(ctx.catalog));
  const enumNames = [...ctx.enums.enums.keys()].sort();
  if (enumNames.length) w.writeLine(`import type { ${enumNames.join(", ")} } from "./enums.gen.js";`);
  w.blankLineIfLastNot();
  const shapes = hoistShapes(body.join("\n"), TS_SHAPES);
  const hoisted = hoistRepeats(
    [...shapes.declarations, ...(shapes.declarations.length ? [""] : []), shapes.body].join("\n"),
    TS_UNIONS,
  );
  if (hoisted.declarations.length) w.write(`${hoisted.declarations.join("\n")}\n\n`);
  w.write(hoisted.body);
  return w.toString();
}

/**
 * A nested object type written more than once (an output's item also returned alone, one body
 * object in several inputs): one type named after its first property, its field docs with it (the
 * editor shows them on hover as before). Written whole as an exported type, it keeps that name.
 */
const TS_SHAPES: ShapeKind = {
  // Not an interface's body (`interface X {`): those are unique, the emit-once names cover them.
  start: /(?<!interface [\w$]+ )\{(?=[ \n])/g,
  multiline: true,
  declare: (name, text) => `type ${name} = ${text};`,
  use: (name) => name,
  name: (key) => `${key ? pascalCase(key) : "Object"}Shape`,
  owner: (body, start, end) => {
    if (body[end] !== ";") return undefined;
    const line = body.slice(body.lastIndexOf("\n", start) + 1, start);
    return /^export type ([\w$]+) = $/.exec(line)?.[1];
  },
};

/** Shorter types are written out again: a reference would not be shorter, nor clearer. */
const SHARE_FROM = 48;

function emitOperationTypes(ctx: EmitContext, plan: OperationPlan, first: FirstEmitter): string {
  const lines: string[] = [];
  lines.push(`/** Input of \`${plan.name}\` (${plan.method} ${plan.path}). */`);
  const input = plan.variants
    ? `=\n  | ${plan.variants
        .map((v) => {
          const members = [
            ...fieldLines(ctx, plan, v.fields),
            ...(v.open ? ["  [key: string]: unknown;"] : []),
          ];
          return `{\n${members.map((m) => `  ${m}`).join("\n")}\n    }`;
        })
        .join("\n  | ")};`
    : `{\n${[...fieldLines(ctx, plan, plan.fields), ...(plan.openBody ? ["  [key: string]: unknown;"] : [])].map((l) => `${l}\n`).join("")}}`;
  // The same fields, docs and rules as an earlier operation's input: named, not repeated.
  const earlier = first.earlier(`input ${input}`, `${plan.typeName}Input`);
  if (earlier && plan.variants) lines.push(`export type ${plan.typeName}Input = ${earlier};`, "");
  else if (earlier) lines.push(`export interface ${plan.typeName}Input extends ${earlier} {}`, "");
  else if (plan.variants) lines.push(`export type ${plan.typeName}Input ${input}`, "");
  else lines.push(`export interface ${plan.typeName}Input ${input}`, "");
  const out = plan.responseType
    ? plan.responseType === "bytes"
      ? "Uint8Array"
      : "string"
    : plan.output
      ? schemaToTs(plan.output, {
          model: ctx.model,
          enums: ctx.enums,
          lenient: true,
          nameHint: `${plan.typeName}Output`,
        })
      : "unknown";
  const aliases = outputAliasMembers(ctx, plan);
  // Lenient (unknown fields kept): the type's index signature says so, not a phrase on every output.
  lines.push(`/** Response data of \`${plan.name}\`. */`);
  const output = aliases ? `${wrapObj(out)} & { ${aliases} }` : out;
  lines.push(`export type ${plan.typeName}Output = ${shared(first, output, `${plan.typeName}Output`)};`);
  if (plan.task && ctx.taskResultType) {
    const task = plan.source.xGen.task;
    const own = typeof task === "object" ? task.resultSchema : undefined;
    const result = own
      ? schemaToTs(own, {
          model: ctx.model,
          enums: ctx.enums,
          lenient: true,
          nameHint: `${plan.typeName}Result`,
        })
      : ctx.taskResultType;
    // An operation without a result schema of its own names the vendor's task result type, which
    // carries the doc; one with its own says what it is.
    lines.push("");
    if (own) lines.push(`/** What \`${plan.id}(...).wait()\` resolves to. */`);
    lines.push(`export type ${plan.typeName}Result = ${shared(first, result, `${plan.typeName}Result`)};`);
  }
  return lines.join("\n") + "\n";
}

/** `text`, or the name of an earlier type written the same way. */
function shared(first: FirstEmitter, text: string, name: string): string {
  return text.length < SHARE_FROM ? text : (first.earlier(`type ${text}`, name) ?? text);
}

function fieldLines(ctx: EmitContext, plan: OperationPlan, fields: OperationPlan["fields"]): string[] {
  const lines: string[] = [];
  for (const f of fields) {
    const doc = docComment(resolveSchema(ctx.model, f.schema).schema);
    if (doc) lines.push(`  ${doc.trim()}`);
    const t = schemaToTs(f.schema, {
      model: ctx.model,
      enums: ctx.enums,
      lenient: false,
      nameHint: enumHint(plan, f.name),
    });
    lines.push(`  ${propKey(f.name)}${f.required ? "" : "?"}: ${t};`);
  }
  return lines;
}

function enumHint(plan: OperationPlan, field: string): string {
  return `${plan.typeName}_${field}`;
}

function wrapObj(t: string): string {
  return t.includes("|") ? `(${t})` : t;
}

function outputAliasMembers(ctx: EmitContext, plan: OperationPlan): string | undefined {
  const aliases = plan.source.xGen.outputAliases;
  if (!aliases || Object.keys(aliases).length === 0) return undefined;
  return Object.entries(aliases)
    .map(([alias, paths]) => {
      const list = Array.isArray(paths) ? paths : [paths];
      const found = list.map((p) => lookupPath(ctx, plan.output, p));
      const types = [
        ...new Set(
          found.map((f) =>
            f
              ? schemaToTs(f.schema, { model: ctx.model, enums: ctx.enums, lenient: true, nameHint: alias })
              : "unknown",
          ),
        ),
      ];
      const required = found.every((f) => f?.required);
      return `${propKey(alias)}${required ? "" : "?"}: ${types.join(" | ")};`;
    })
    .join(" ");
}

function lookupPath(
  ctx: EmitContext,
  schema: JsonSchema | undefined,
  path: string,
): { schema: JsonSchema; required: boolean } | undefined {
  let node = schema;
  let required = true;
  for (const part of path.split(".")) {
    if (!node) return undefined;
    node = resolveSchema(ctx.model, node).schema;
    if (/^(\d+|\*)$/.test(part)) {
      node = node.items;
      required = false;
      continue;
    }
    if (!node.properties?.[part]) return undefined;
    if (!(node.required ?? []).includes(part)) required = false;
    node = node.properties[part];
  }
  return node ? { schema: node, required } : undefined;
}
