import { GenError, type GenErrorInit } from "./gen-error.js";

/** One problem with the input: where (dot path) and which rule it broke. */
export interface InputIssue {
  field: string;
  rule: string;
  message: string;
}

/**
 * The input is invalid: raised before any request when the runtime can tell (schema, rules), or
 * mapped from the vendor's "bad parameter" codes. `field` and `rule` describe the first issue.
 */
export class InvalidRequestError extends GenError {
  override name = "InvalidRequestError";
  readonly field?: string;
  readonly rule?: string;
  readonly issues: readonly InputIssue[];
  constructor(message: string, init: GenErrorInit & { issues?: readonly InputIssue[] } = {}) {
    super("invalid_request", message, init);
    this.issues = init.issues ?? [];
    const first = this.issues[0];
    if (first) {
      this.field = first.field;
      this.rule = first.rule;
    }
  }

  /** Build from issues; the message names every field and rule. */
  static fromIssues(issues: readonly InputIssue[], init: GenErrorInit = {}): InvalidRequestError {
    const text = issues.map((i) => `${i.field || "(input)"}: ${i.message} [${i.rule}]`).join("; ");
    return new this(`Invalid input: ${text}`, { ...init, issues });
  }
}
