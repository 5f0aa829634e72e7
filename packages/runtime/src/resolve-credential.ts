import { MissingCredentialError } from "./errors/missing-credential-error.js";
import type { Credential } from "./types.js";

/** The process environment where there is one (Node, Bun, Deno with compat), else empty. */
export function defaultEnv(): Readonly<Record<string, string | undefined>> {
  const g = globalThis as { process?: { env?: Record<string, string | undefined> } };
  return g.process?.env ?? {};
}

/**
 * A credential from the options (`options[credential.option]`), else the first non-empty of its
 * environment variables, in order; throws `MissingCredentialError` naming both.
 */
export function resolveCredential(
  credential: Credential,
  options: Readonly<Record<string, unknown>>,
  env: Readonly<Record<string, string | undefined>>,
  vendor?: string,
): string {
  const given = options[credential.option];
  if (typeof given === "string" && given.trim() !== "") return given.trim();
  for (const name of credential.env) {
    const value = env[name];
    if (value !== undefined && value.trim() !== "") return value.trim();
  }
  throw new MissingCredentialError(credential.option, credential.env, { vendor });
}
