/** Size, depth and length limits on outside data; each has a default and raises `LimitExceededError`. */
export interface Limits {
  /** Largest API response body read into memory, bytes (default 32 MiB). */
  maxResponseBytes?: number;
  /** Deepest nesting accepted in JSON from a vendor or in an input (default 256). */
  maxJsonDepth?: number;
  /** Largest download written to disk, bytes, unless `DownloadOptions.maxBytes` says otherwise (default 512 MiB). */
  maxDownloadBytes?: number;
}

/** The defaults of {@link Limits}. */
export const DEFAULT_LIMITS: Readonly<Required<Limits>> = {
  maxResponseBytes: 32 * 1024 * 1024,
  maxJsonDepth: 256,
  maxDownloadBytes: 512 * 1024 * 1024,
};

/** The effective limits: the client's own values (own properties only) over the defaults. */
export function limitsOf(given: Limits | undefined): Required<Limits> {
  const out = { ...DEFAULT_LIMITS };
  if (given === null || typeof given !== "object") return out;
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof Limits)[]) {
    const value = Object.hasOwn(given, key) ? given[key] : undefined;
    if (typeof value === "number" && value > 0) out[key] = value;
  }
  return out;
}
