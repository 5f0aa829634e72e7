/** Exit codes of the `gen` command; documented in `gen --help` and the README. */
export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  invalidInput: 3,
  vendorRejected: 4,
  taskFailed: 5,
  timeout: 6,
  network: 7,
  config: 8,
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** One row per exit code, in the order shown by `gen --help`. */
export const EXIT_TABLE: ReadonlyArray<readonly [ExitCode, string]> = [
  [EXIT.ok, "success"],
  [EXIT.internal, "unexpected error (a bug: please report it)"],
  [EXIT.usage, "usage error: unknown command, flag, vendor or operation; unreadable --input file"],
  [EXIT.invalidInput, "invalid input, rejected before any request (the message names the field and rule)"],
  [
    EXIT.vendorRejected,
    "the vendor rejected the request or answered with an error (auth, credits, content, ...)",
  ],
  [EXIT.taskFailed, "the task failed or was cancelled at the vendor"],
  [EXIT.timeout, "timed out (the task may still finish: resume it with `gen wait`)"],
  [EXIT.network, "network failure (incl. a create that may have reached the vendor: not retried)"],
  [
    EXIT.config,
    "configuration: missing credential, a host refused by the host policy, or a folder that cannot be written",
  ],
  [EXIT.interrupted, "interrupted (Ctrl-C); the task handle is kept on disk"],
];
