/**
 * Rewrites the SDK's words in an error message into the command line's: the SDK names options
 * (`CallOptions.extraBody`, "the `apiKey` option"), the CLI user has flags (`--extra`,
 * `--api-key`). Only the wording changes; the error (kind, code, field, rule) stays the same.
 */
export function cliWords(message: string): string {
  return message
    .replace(/with CallOptions\.extraBody/g, "with --extra key=value")
    .replace(/CallOptions\.extraBody/g, "--extra")
    .replace(/pass the `(\w+)` option/g, (_, option: string) => `pass --${kebab(option)}`)
    .replace(/the client option `allowInsecureLoopback: true`/g, "a loopback --base-url (which allows it)");
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
