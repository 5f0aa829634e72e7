import type { AbortControllerLike } from "./abort-controller-factory.js";
import { AbortedError, TimeoutError } from "./errors/network-errors.js";

/** What the shared timer tracks. */
interface Timed {
  at: number;
  fire(): void;
}

// One shared timer for every in-flight deadline: no timer is created or cleared per request.
const pending = /* @__PURE__ */ new Set<Timed>();
let timer: ReturnType<typeof setTimeout> | undefined;
let timerAt = Infinity;

function arm(at: number): void {
  if (timer !== undefined) clearTimeout(timer);
  timerAt = at;
  timer = setTimeout(sweep, Math.max(1, at - Date.now()));
}

function sweep(): void {
  timer = undefined;
  timerAt = Infinity;
  const now = Date.now();
  let next = Infinity;
  for (const d of pending) {
    if (d.at <= now) {
      pending.delete(d);
      d.fire();
    } else if (d.at < next) next = d.at;
  }
  if (next !== Infinity) arm(next);
}

function track(d: Timed): void {
  pending.add(d);
  if (d.at < timerAt) arm(d.at);
  else if (pending.size === 1) (timer as { ref?: () => void } | undefined)?.ref?.();
}

function untrack(d: Timed): void {
  pending.delete(d);
  // An idle timer must not keep the process alive; it re-arms or finds nothing when it fires.
  if (pending.size === 0) (timer as { unref?: () => void } | undefined)?.unref?.();
}

/** A running deadline: the signal to hand down, and what to do when the work ends. */
export class Deadline {
  readonly #controller: AbortControllerLike;
  readonly #what: string;
  readonly #timeoutMs: number;
  readonly #parent: AbortSignal | undefined;
  #onAbort: (() => void) | undefined;
  at = 0;

  constructor(
    parent: AbortSignal | undefined,
    timeoutMs: number | undefined,
    what: string,
    newController?: () => AbortControllerLike,
  ) {
    if (parent?.aborted) throw new AbortedError(`${what} was aborted`, { cause: parent.reason });
    this.#controller = newController ? newController() : new AbortController();
    this.#what = what;
    this.#timeoutMs = timeoutMs ?? 0;
    this.#parent = parent;
    if (parent) {
      this.#onAbort = () =>
        this.#controller.abort(new AbortedError(`${what} was aborted`, { cause: parent.reason }));
      parent.addEventListener("abort", this.#onAbort, { once: true });
    }
    if (timeoutMs !== undefined && timeoutMs > 0 && Number.isFinite(timeoutMs)) {
      this.at = Date.now() + timeoutMs;
      track(this);
    }
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  fire(): void {
    const timeoutMs = this.#timeoutMs;
    this.#controller.abort(new TimeoutError(`${this.#what} timed out after ${timeoutMs} ms`, { timeoutMs }));
  }

  /** The error to throw for `error`: the abort or timeout reason when the signal fired. */
  failure(error: unknown): unknown {
    const { signal } = this.#controller;
    const reason: unknown = signal.reason;
    return signal.aborted && (reason instanceof TimeoutError || reason instanceof AbortedError)
      ? reason
      : error;
  }

  /** Drop the timer and the parent listener. */
  finish(): void {
    if (this.at) untrack(this);
    if (this.#onAbort) this.#parent!.removeEventListener("abort", this.#onAbort);
  }
}

/**
 * Run `fn` with a signal that aborts when `signal` fires (reason `AbortedError`) or after
 * `timeoutMs` (reason `TimeoutError`); the deadline is dropped when `fn` settles. `newController`
 * may supply a cheaper controller (see `setAbortControllerFactory`).
 */
export async function withDeadline<T>(
  signal: AbortSignal | undefined,
  timeoutMs: number | undefined,
  what: string,
  fn: (signal: AbortSignal) => Promise<T>,
  newController?: () => AbortControllerLike,
): Promise<T> {
  const deadline = new Deadline(signal, timeoutMs, what, newController);
  try {
    return await fn(deadline.signal);
  } catch (error) {
    throw deadline.failure(error);
  } finally {
    deadline.finish();
  }
}
