import { type InputIssue, InvalidRequestError } from "./errors/invalid-request-error.js";
import type { StandardIssue, StandardResult, StandardSchemaV1 } from "./types.js";

/** Dot path of a Standard Schema issue (`images.0.url`); empty for the input itself. */
export function issuePath(issue: StandardIssue): string {
  return (issue.path ?? []).map((p) => String(typeof p === "object" && p !== null ? p.key : p)).join(".");
}

/** The rule a schema issue broke: the validator's own code (`too_big`, `invalid_type`) where it has one. */
function issueRule(issue: StandardIssue): string {
  const code = (issue as { code?: unknown }).code;
  return typeof code === "string" ? code : "schema";
}

/**
 * Validate `input` with a Standard Schema (zod 4 and others); issues become one
 * `InvalidRequestError` naming every field path and rule. Returns the parsed value.
 */
export async function validateInput<T>(
  schema: StandardSchemaV1<unknown, T>,
  input: unknown,
  vendor?: string,
): Promise<T> {
  return parseInput(schema, input, vendor);
}

/** `validateInput` without a promise when the schema validates synchronously (the usual case). */
export function parseInput<T>(
  schema: StandardSchemaV1<unknown, T>,
  input: unknown,
  vendor?: string,
): T | Promise<T> {
  const result = schema["~standard"].validate(input);
  if (result instanceof Promise) return result.then((r) => valueOrThrow(r, vendor));
  return valueOrThrow(result, vendor);
}

function valueOrThrow<T>(result: StandardResult<T>, vendor: string | undefined): T {
  if (!result.issues) return result.value;
  const issues: InputIssue[] = result.issues.flatMap((i) => {
    const path = issuePath(i);
    const keys = (i as { keys?: unknown }).keys;
    if (!Array.isArray(keys) || keys.length === 0)
      return [{ field: path, rule: issueRule(i), message: i.message }];
    // Unknown keys: point `field` at each key, not at the enclosing object.
    return keys.map((k) => ({
      field: path ? `${path}.${String(k)}` : String(k),
      rule: issueRule(i),
      message: `${i.message}: unknown key`,
    }));
  });
  throw InvalidRequestError.fromIssues(issues, { vendor });
}
