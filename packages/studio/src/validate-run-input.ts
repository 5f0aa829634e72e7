import { applyRules, type InputIssue, isGenError, validateInput } from "@gen/runtime";
import type { StudioOperation } from "./types.js";

/**
 * Runs the SDK's own checks on an input, without any request: the operation's validator, then its
 * cross-field rules and `prepare` hook, exactly as `client.invoke` does before sending. Returns the
 * issues (field, rule, message), empty when the input is valid. Entry points run their own
 * pre-request checks (`validate`), else only their JSON Schema's required fields are checked.
 */
export async function validateRunInput(op: StudioOperation, input: unknown): Promise<InputIssue[]> {
  const definition = op.definition;
  if (!definition) return op.validate ? op.validate(input) : missingRequired(op, input);
  try {
    const schema = typeof definition.input === "function" ? definition.input() : definition.input;
    let value = schema ? await validateInput(schema, input, undefined) : input;
    value = applyRules(value, definition.rules);
    if (definition.prepare) definition.prepare(value);
    return [];
  } catch (error) {
    if (isGenError(error) && error.kind === "invalid_request") {
      const issues = (error as { issues?: InputIssue[] }).issues;
      return issues?.length ? issues : [{ field: "", rule: "schema", message: error.message }];
    }
    throw error;
  }
}

function missingRequired(op: StudioOperation, input: unknown): InputIssue[] {
  const required = (op.schema?.required ?? []) as string[];
  const given = (input ?? {}) as Record<string, unknown>;
  return required
    .filter((name) => given[name] === undefined || given[name] === "")
    .map((field) => ({ field, rule: "required", message: "is required" }));
}
