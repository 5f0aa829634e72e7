import { execFile } from "node:child_process";

/**
 * Runs `git` in `cwd`; the output as a Buffer, or undefined when git is missing, `cwd` is not in a
 * repository or the command fails (callers treat that as "no history").
 */
export function runGit(cwd: string, args: readonly string[]): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    execFile(
      "git",
      ["-C", cwd, ...args],
      { encoding: "buffer", maxBuffer: 1 << 30, windowsHide: true },
      (error, stdout) => resolve(error ? undefined : stdout),
    );
  });
}

/** `git diff --quiet`-style check: true when the command exits 0. */
export function gitSucceeds(cwd: string, args: readonly string[]): Promise<boolean> {
  return runGit(cwd, args).then((out) => out !== undefined);
}
