import { GenError } from "./errors/gen-error.js";
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
  const given = Object.hasOwn(options, credential.option) ? options[credential.option] : undefined;
  if (typeof given === "string" && given.trim() !== "")
    return wellFormed(given.trim(), credential.option, vendor);
  for (const name of credential.env) {
    const value = Object.hasOwn(env, name) ? env[name] : undefined;
    if (typeof value === "string" && value.trim() !== "") return wellFormed(value.trim(), name, vendor);
  }
  throw new MissingCredentialError(credential.option, credential.env, { vendor });
}

/** A credential with a control character (newline, NUL) cannot go into a header: refused, never quoted. */
function wellFormed(value: string, where: string, vendor: string | undefined): string {
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    throw new GenError(
      "missing_credential",
      `Malformed credential in ${where}: it contains a control character (newline, NUL, ...); the value is not shown`,
      { vendor },
    );
  }
  return value;
}
