/** One rejected line of a jobs file. */
export interface LineProblem {
  line: number;
  message: string;
}

/** The jobs file has bad lines: every one is listed, nothing was sent. */
export class BatchValidationError extends Error {
  override name = "BatchValidationError";
  readonly kind = "invalid_request" as const;
  readonly problems: readonly LineProblem[];
  constructor(file: string, problems: readonly LineProblem[]) {
    const shown = problems.map((p) => `  line ${p.line}: ${p.message}`).join("\n");
    super(`${file}: ${problems.length} invalid line(s); nothing was sent\n${shown}`);
    this.problems = problems;
  }
}

/** The batch cannot go on (journal unwritable, queue unreachable, ...): the message says what to do. */
export class BatchError extends Error {
  override name = "BatchError";
  readonly kind: string;
  constructor(kind: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
  }
}
