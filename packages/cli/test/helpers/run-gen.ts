import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
/** Repository root. */
export const ROOT = resolve(here, "../../../..");
const BIN = join(ROOT, "packages/cli/src/bin.ts");
/** tsx's loader, registered in the CLI's own process. Not tsx's CLI: that one is a second process
 * that relays signals and SIGKILLs the command (exit 130, no report) when the command's answer to a
 * relayed Ctrl-C takes over 30 ms, which a loaded machine exceeds. Users run `node dist/bin.js`. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/** The argv that runs the CLI from its sources in one process. */
export function genArgv(args: readonly string[]): string[] {
  return [process.execPath, "--conditions=@gen/source", "--import", TSX_LOADER, BIN, ...args];
}

export interface GenResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface GenOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Own process group, so {@link killGroup} reaches the CLI and anything it started. */
  detached?: boolean;
}

/** Environment without any real vendor credential or base URL from the developer's shell. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/KEY|SECRET|TOKEN|^GEN_/.test(k)) env[k] = v;
  }
  return { ...env, FORCE_COLOR: "0", ...extra };
}

/** Starts the CLI; the caller reads its streams. */
export function spawnGen(args: readonly string[], options: GenOptions = {}): ChildProcess {
  const [cmd, ...rest] = genArgv(args);
  return spawn(cmd as string, rest, {
    cwd: options.cwd ?? ROOT,
    env: cleanEnv(options.env),
    detached: options.detached ?? false,
  });
}

/** Signals the whole process group of a child started with `detached: true`. */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid !== undefined) process.kill(-child.pid, signal);
}

/** Runs the CLI to completion. */
export function runGen(args: readonly string[], options: GenOptions = {}): Promise<GenResult> {
  const child = spawnGen(args, options);
  return collect(child);
}

/** Collects a child's output until it exits. */
export function collect(child: ChildProcess): Promise<GenResult> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolvePromise, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
  });
}

/** Parses JSON lines. */
export function jsonLines(text: string): Array<Record<string, unknown>> {
  return text
    .split("\n")
    .filter((l) => l.trim().startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Resolves with the first stdout line matching `pattern` (the child keeps running). */
export function waitForLine(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolvePromise, reject) => {
    let buffer = "";
    const onData = (d: Buffer) => {
      buffer += d.toString();
      const match = pattern.exec(buffer);
      if (match) {
        child.stdout?.off("data", onData);
        resolvePromise(match);
      }
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`exited (${code}) before printing ${pattern}: ${buffer}`)));
  });
}
