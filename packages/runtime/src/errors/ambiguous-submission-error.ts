import { GenError, type GenErrorInit } from "./gen-error.js";

/** What a paid create sent, minus credentials: enough to check the vendor before resubmitting. */
export interface SentRequest {
  method: string;
  url: string;
  headers: Readonly<Record<string, string>>;
  body?: unknown;
}

/**
 * A paid create may or may not have reached the vendor (timeout or reset after sending). The
 * runtime does not retry it, to avoid a double charge; check the vendor's task list first.
 */
export class AmbiguousSubmissionError extends GenError {
  override name = "AmbiguousSubmissionError";
  readonly request: SentRequest;
  constructor(request: SentRequest, init: GenErrorInit = {}) {
    super(
      "ambiguous_submission",
      `${request.method} ${request.url} may have reached the vendor but no answer arrived; not retried to avoid a double charge. Check the vendor's task list before resubmitting.`,
      init,
    );
    this.request = request;
  }
}
