import { redact } from "@gen/runtime";
import type { CliIo, TextSink } from "./cli-io.js";

const redactors = new WeakMap<CliIo, Array<(text: string) => string>>();

/** Everything written through `io` will also pass `redact` (a client's credential redaction). */
export function addRedactor(io: CliIo, redact: (text: string) => string): void {
  redactors.get(io)?.push(redact);
}

/** Credential-like environment values (`*KEY*`, `*SECRET*`, `*TOKEN*`, `*PASSWORD*`), before any client is open. */
function redactEnvironment(env: CliIo["env"]): (text: string) => string {
  const values: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (/key|secret|token|password/i.test(name) && value !== undefined && value.length >= 8)
      values.push(value);
  }
  return (text) => redact(text, values);
}

/**
 * `io` whose stdout and stderr pass every chunk through the redactors registered for it (each
 * client the command opens registers its own): the one place the CLI's output is scrubbed of
 * credentials, whatever printed it (results, errors, hints, stacks, progress).
 */
export function redactingIo(io: CliIo): CliIo {
  const list: Array<(text: string) => string> = [redactEnvironment(io.env)];
  const wrap = (sink: TextSink): TextSink => {
    const out: TextSink = {
      write: (chunk: string) => sink.write(list.reduce((text, redact) => redact(text), String(chunk))),
    };
    if (sink.isTTY !== undefined) out.isTTY = sink.isTTY;
    if (sink.columns !== undefined) out.columns = sink.columns;
    return out;
  };
  const safe: CliIo = { ...io, stdout: wrap(io.stdout), stderr: wrap(io.stderr) };
  redactors.set(safe, list);
  return safe;
}
