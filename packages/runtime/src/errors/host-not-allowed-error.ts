import { GenError, type GenErrorInit } from "./gen-error.js";

/** An outbound URL failed the host policy; the message names the host and the allowed list. */
export class HostNotAllowedError extends GenError {
  override name = "HostNotAllowedError";
  readonly host: string;
  readonly allowed: readonly string[];
  constructor(host: string, allowed: readonly string[], reason: string, init: GenErrorInit = {}) {
    super(
      "host_not_allowed",
      `Host not allowed: ${host || "(none)"} (${reason}); allowed: ${allowed.join(", ") || "(none)"}`,
      init,
    );
    this.host = host;
    this.allowed = allowed;
  }
}
