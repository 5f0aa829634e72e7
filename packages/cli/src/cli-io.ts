/** A writable text stream; `isTTY` selects the live progress bar. */
export interface TextSink {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** What a command may touch: streams, environment, working directory, and signal hooks. */
export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Register a Ctrl-C handler; returns the function that removes it. */
  onInterrupt(handler: () => void): () => void;
}

/** The process's own streams and environment. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    onInterrupt(handler) {
      let interrupted = false;
      const listener = () => {
        interrupted = true;
        handler();
      };
      process.on("SIGINT", listener);
      process.on("SIGTERM", listener);
      return () => {
        process.off("SIGINT", listener);
        process.off("SIGTERM", listener);
        // Once interrupted, the command is only writing its report: a second signal (a wrapper
        // such as npx or tsx relaying the first, or Ctrl-C pressed again) must not kill it first.
        if (interrupted) {
          process.on("SIGINT", ignoreSignal);
          process.on("SIGTERM", ignoreSignal);
        }
      };
    },
  };
}

/**
 * Starts listening for Ctrl-C now and settles on the first one. Call it before a command says it is
 * ready: a signal sent right after that line must stop the command cleanly, not kill it.
 */
export function interruption(io: CliIo): Promise<void> {
  return new Promise((resolve) => {
    const remove = io.onInterrupt(() => {
      remove();
      resolve();
    });
  });
}

/** Writes one line to a sink. */
export function println(sink: TextSink, line = ""): void {
  sink.write(`${line}\n`);
}

/** Writes one JSON line to a sink. */
export function printJson(sink: TextSink, value: unknown): void {
  sink.write(`${JSON.stringify(value)}\n`);
}

function ignoreSignal(): void {}
