import { GenError, type GenErrorInit } from "./gen-error.js";

/** A credential is neither in the options nor in any of its environment variables. */
export class MissingCredentialError extends GenError {
  override name = "MissingCredentialError";
  readonly option: string;
  readonly env: readonly string[];
  constructor(option: string, env: readonly string[], init: GenErrorInit = {}) {
    const vars = env.length ? ` or set the environment variable ${env.join(" / ")}` : "";
    super("missing_credential", `Missing credential: pass the \`${option}\` option${vars}`, init);
    this.option = option;
    this.env = env;
  }
}
