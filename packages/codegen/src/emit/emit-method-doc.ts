import { derefSchema, type GenModel, type JsonSchema } from "@gen/spec";
import type { EmitContext } from "./emit-context.js";
import { credentialOptions } from "./emit-vendor.js";
import { isIdentifier } from "./names.js";
import type { InputField, OperationPlan } from "./operation-plan.js";

const clean = (text: string) => text.replace(/\*\//g, "*\\/").replace(/\s+/g, " ").trim();

/** One field's constraints in words: type, allowed values, ranges, default. */
export function fieldConstraints(model: GenModel, field: InputField): string {
  const s: JsonSchema = derefSchema(model, field.schema);
  const parts: string[] = [];
  if (s.enum?.length) {
    const shown = s.enum.slice(0, 12).map((v) => JSON.stringify(v));
    parts.push(`one of ${shown.join(", ")}${s.enum.length > 12 ? ", ..." : ""}`);
  } else if (s.type) parts.push(Array.isArray(s.type) ? s.type.join(" | ") : s.type);
  const range = (lo: number | undefined, hi: number | undefined, unit: string) => {
    if (lo !== undefined && hi !== undefined) parts.push(`${unit}${lo}..${hi}`);
    else if (lo !== undefined) parts.push(`${unit}>= ${lo}`);
    else if (hi !== undefined) parts.push(`${unit}<= ${hi}`);
  };
  range(s.minimum, s.maximum, "");
  range(s.minLength, s.maxLength, "length ");
  range(s.minItems, s.maxItems, "items ");
  if (s.pattern) parts.push(`pattern ${s.pattern}`);
  if (s.format) parts.push(`format ${s.format}`);
  if (s.default !== undefined) parts.push(`default ${JSON.stringify(s.default)}`);
  const text = s.description ?? s.title;
  return `${parts.join("; ")}${text ? ` — ${text}` : ""}`;
}

/** A value for the `@example`: the default, the first allowed value, or a placeholder by type. */
function exampleValue(model: GenModel, field: InputField): unknown {
  const s: JsonSchema = derefSchema(model, field.schema);
  if (s.default !== undefined) return s.default;
  if (s.enum?.length) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === "integer" || type === "number") return s.minimum ?? 1;
  if (type === "boolean") return true;
  if (type === "array")
    return /url|image|video|audio/i.test(field.name) ? ["https://example.com/input.png"] : [];
  if (type === "object") return {};
  if (s.format === "uri" || /url|image|video|audio/i.test(field.name)) return "https://example.com/input.png";
  return field.name === "prompt" ? "a red fox running through snow" : "...";
}

/**
 * The hover doc of one generated method: the catalog's description, each input field with its
 * constraints, an `@example` filling the required fields, and the errors it throws.
 */
export function methodDoc(ctx: EmitContext, p: OperationPlan, indent = "  "): string[] {
  const head = clean(p.description ?? p.summary ?? p.name);
  const lines = [`${head} (\`${p.name}\`)`];
  if (p.summary && p.description && clean(p.summary) !== head) lines.push("", clean(p.summary));
  if (p.fields.length) {
    lines.push("", "Input:");
    for (const f of p.fields)
      lines.push(
        `- \`${f.name}\`${f.required ? " (required)" : ""}: ${clean(fieldConstraints(ctx.model, f))}`,
      );
  }
  const required = p.fields.filter((f) => f.required);
  const input = required
    .map(
      (f) =>
        `${isIdentifier(f.name) ? f.name : JSON.stringify(f.name)}: ${JSON.stringify(exampleValue(ctx.model, f))}`,
    )
    .join(", ");
  lines.push("", "@example");
  lines.push("```ts");
  if (p.task) {
    lines.push(`const task = await ${ctx.instance}.${p.id}({ ${input} });`);
    lines.push("const result = await task.wait({ onProgress: (e) => console.log(e.progress) });");
  } else lines.push(`const output = await ${ctx.instance}.${p.id}({ ${input} });`);
  lines.push("```");
  lines.push(
    "@throws {InvalidRequestError} before any request when the input breaks a rule (names the field and rule)",
  );
  if (credentialOptions(ctx).length)
    lines.push("@throws {MissingCredentialError} when no credential is in the options or the environment");
  lines.push(
    "@throws {AuthenticationError | InsufficientCreditsError | RateLimitedError | GenError} when the vendor refuses",
    "@throws {NetworkError | TimeoutError} when the request fails or times out (a paid create is not retried)",
  );
  if (p.task) lines.push("@throws {TaskFailedError} from `task.wait()` when the task fails at the vendor");
  if (p.deprecated) lines.push("@deprecated");
  return [`${indent}/**`, ...lines.map((l) => (l ? `${indent} * ${l}` : `${indent} *`)), `${indent} */`];
}
