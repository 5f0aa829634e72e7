/** What `ownOptions(undefined)` returns: empty, frozen, on a null prototype (shared: nothing to copy). */
const NONE: object = Object.freeze(Object.create(null));

/**
 * A copy of `options` holding only its own enumerable properties, on a null prototype: a value
 * planted on `Object.prototype` (prototype pollution) is never read as an option.
 */
export function ownOptions<T extends object>(options: T | undefined): T {
  if (options === undefined) return NONE as T;
  const out = Object.create(null) as Record<string, unknown>;
  if (options !== null && typeof options === "object") {
    for (const key of Object.keys(options)) out[key] = (options as Record<string, unknown>)[key];
  }
  return out as T;
}

/** `record[key]` as a list when it is an own array property, else empty. */
export function ownList(record: object, key: string): readonly string[] {
  const value = Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
  return Array.isArray(value) ? value : [];
}

/** `record[key]` when it is an own property (lookup tables keyed by outside data: codes, states). */
export function ownValue<V>(record: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
