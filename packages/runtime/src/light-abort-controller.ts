type Listener = ((event: { type: "abort" }) => void) | { handleEvent(event: { type: "abort" }): void };

/** The part of `AbortSignal` that undici's `request` and the runtime read. */
class LightAbortSignal {
  aborted = false;
  reason: unknown = undefined;
  onabort: ((event: { type: "abort" }) => void) | null = null;
  #listeners: Listener[] | undefined;

  addEventListener(type: string, listener: Listener | null): void {
    if (type !== "abort" || !listener) return;
    this.#listeners ??= [];
    this.#listeners.push(listener);
  }

  removeEventListener(type: string, listener: Listener | null): void {
    const i = type === "abort" && listener && this.#listeners ? this.#listeners.indexOf(listener) : -1;
    if (i !== -1) this.#listeners!.splice(i, 1);
  }

  throwIfAborted(): void {
    if (this.aborted) throw this.reason;
  }

  dispatch(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const event = { type: "abort" as const };
    const listeners = this.#listeners ?? [];
    this.#listeners = undefined;
    this.onabort?.(event);
    for (const l of listeners) typeof l === "function" ? l(event) : l.handleEvent(event);
  }
}

/**
 * An `AbortController` look-alike without the cost of a real `EventTarget` (a fresh signal plus
 * its first listener costs several µs per call). Only for transports registered with
 * `acceptsLightSignal`, which read nothing but `aborted`, `reason` and abort listeners.
 */
export class LightAbortController {
  readonly #signal = new LightAbortSignal();

  get signal(): AbortSignal {
    return this.#signal as unknown as AbortSignal;
  }

  abort(reason?: unknown): void {
    this.#signal.dispatch(reason);
  }
}
