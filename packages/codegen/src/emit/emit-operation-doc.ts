import { derefSchema, type GenModel, type JsonSchema } from "@gen/spec";
import type { EmitContext } from "./emit-context.js";
import { credentialOptions } from "./emit-vendor.js";
import { isIdentifier } from "./names.js";
import type { InputField, OperationPlan } from "./operation-plan.js";

const clean = (text: string) => text.replace(/\*\//g, "*\\/").replace(/\s+/g, " ").trim();

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
 * The one doc of an operation, on its standalone function (`operations.gen.ts`); the client's method
 * is a mapped type over those functions, so `client.op` shows the same doc. The catalog's
 * description and name, its summary, an `@example` filling the required fields (no code fence:
 * editors show an example as code). Not the input's field names: hovering `<Op>Input` or typing the
 * input object shows every field with its own doc.
 */
export function operationDoc(ctx: EmitContext, p: OperationPlan): string[] {
  const head = clean(p.description ?? p.summary ?? p.name);
  const lines = [`${head} (\`${p.name}\`)`];
  if (p.summary && p.description && clean(p.summary) !== head) lines.push("", clean(p.summary));
  const required = p.fields.filter((f) => f.required);
  const input = required
    .map(
      (f) =>
        `${isIdentifier(f.name) ? f.name : JSON.stringify(f.name)}: ${JSON.stringify(exampleValue(ctx.model, f))}`,
    )
    .join(", ");
  const call = `${ctx.instance}.${p.id}(${input ? `{ ${input} }` : "{}"})`;
  lines.push("", "@example");
  if (p.task) lines.push(`const task = await ${call};`, "const result = await task.wait();");
  else lines.push(`const output = await ${call};`);
  // What each error means is written once, on the client interface (`clientErrorsDoc`).
  if (p.deprecated) lines.push("@deprecated");
  return ["/**", ...lines.map((l) => (l ? ` * ${l}` : " *")), " */"];
}

/** The client interface's doc: what each error a method (or a task's `wait()`) throws means. */
export function clientErrorsDoc(ctx: EmitContext): string[] {
  const lines = [
    `A ${ctx.vendor.displayName} client: one typed method per operation. Every method throws:`,
    "- `InvalidRequestError` before any request when the input breaks a rule (names the field and rule)",
  ];
  if (credentialOptions(ctx).length)
    lines.push("- `MissingCredentialError` when no credential is in the options or the environment");
  lines.push(
    "- `AuthenticationError`, `InsufficientCreditsError`, `RateLimitedError` or `GenError` when the vendor refuses",
    "- `NetworkError` or `TimeoutError` when the request fails or times out (a paid create is not retried)",
  );
  if (ctx.plans.some((p) => p.task))
    lines.push("", "A task's `wait()` throws `TaskFailedError` when the task fails at the vendor.");
  return ["/**", ...lines.map((l) => (l ? ` * ${l}` : " *")), " */"];
}
