import type { VendorLimit } from "@gen/batch";
import { usageError } from "./cli-error.js";

/**
 * Per-vendor limits from `--concurrency N|VENDOR=N` and `--rate N|VENDOR=N` (creates per second);
 * a bare number applies to every vendor (`"*"`).
 */
export function parseLimits(
  concurrency: readonly string[],
  rate: readonly string[],
): Record<string, VendorLimit> {
  const limits: Record<string, VendorLimit> = {};
  const apply = (values: readonly string[], flag: string, field: keyof VendorLimit, integer: boolean) => {
    for (const value of values) {
      const eq = value.indexOf("=");
      const vendor = eq < 0 ? "*" : value.slice(0, eq).toLowerCase();
      const raw = eq < 0 ? value : value.slice(eq + 1);
      const n = Number(raw);
      if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n)) || n > 10_000) {
        throw usageError(
          `--${flag} expects ${integer ? "a whole number" : "a number"} from ${integer ? 1 : "0.01"} to 10000 (or VENDOR=N), got "${value}"`,
        );
      }
      limits[vendor] = { ...limits[vendor], [field]: n };
    }
  };
  apply(concurrency, "concurrency", "concurrency", true);
  apply(rate, "rate", "createsPerSecond", false);
  return limits;
}

/** `--budget N`: a non-negative number of credits. */
export function parseBudget(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0)
    throw usageError(`--budget expects a number of credits >= 0, got "${raw}"`);
  return n;
}
