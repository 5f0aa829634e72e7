import type { CliIo } from "../../src/cli-io.js";
import { ROOT } from "./run-gen.js";

/** An in-process `CliIo` that records what a command prints (for help and usage checks). */
export function captureIo(): CliIo & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env: {},
    cwd: ROOT,
    onInterrupt: () => () => {},
    out: () => out,
    err: () => err,
  };
}
