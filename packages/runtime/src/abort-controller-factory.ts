/** Something with an abort `signal` and an `abort(reason)`: `AbortController` or a cheaper look-alike. */
export interface AbortControllerLike {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}

const factories = /* @__PURE__ */ new WeakMap<object, () => AbortControllerLike>();

/**
 * Let `transport` receive signals from `factory` instead of real `AbortController`s: for the
 * runtime's own transports that read nothing but `aborted`, `reason` and abort listeners.
 */
export function setAbortControllerFactory<T extends object>(
  transport: T,
  factory: () => AbortControllerLike,
): T {
  factories.set(transport, factory);
  return transport;
}

/** The controller factory registered for `transport`, if any. */
export function abortControllerFactoryOf(transport: object): (() => AbortControllerLike) | undefined {
  return factories.get(transport);
}
