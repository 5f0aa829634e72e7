import { GenError, type GenErrorInit } from "./gen-error.js";

const MAX_RAW = 2000;

/** The vendor answered with something the runtime cannot decode (non-JSON, truncated, wrong shape). */
export class InvalidResponseError extends GenError {
  override name = "InvalidResponseError";
  /** The offending text, truncated to 2000 characters. */
  readonly raw: string;
  constructor(message: string, init: GenErrorInit & { raw?: string } = {}) {
    super("invalid_response", message, init);
    const raw = init.raw ?? "";
    this.raw = raw.length > MAX_RAW ? `${raw.slice(0, MAX_RAW)}…` : raw;
  }
}
