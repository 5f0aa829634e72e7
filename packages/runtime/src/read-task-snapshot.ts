import { isGenError } from "./errors/gen-error.js";
import { InvalidResponseError } from "./errors/invalid-response-error.js";
import { getPath } from "./get-path.js";
import { ownValue } from "./own-options.js";
import { deeperThan, parseJsonBounded } from "./parse-json-bounded.js";
import type { TaskProtocolDefinition, TaskSnapshot } from "./types.js";

function toNumber(value: unknown): number | undefined {
  const n =
    typeof value === "number"
      ? value
      : typeof value === "string" && value.trim() !== ""
        ? Number(value)
        : Number.NaN;
  return Number.isFinite(n) ? Math.min(100, Math.max(0, n)) : undefined;
}

/**
 * Read a poll response (unwrapped data) through the declarative task protocol: status via
 * `statusMap` (unknown or missing values count as running), progress 0-100, failure reason, and
 * on success the result, parsed when `resultEncoding` is `json-string` (bad JSON ->
 * `InvalidResponseError` carrying the raw text).
 */
export function readTaskSnapshot<Result = unknown>(
  protocol: TaskProtocolDefinition,
  data: unknown,
  vendor?: string,
): TaskSnapshot<Result> {
  const status = getPath(data, protocol.statusPath);
  // Own entries only: a status of `constructor` or `__proto__` is an unknown status, not a function.
  const mapped =
    status !== undefined && status !== null ? ownValue(protocol.statusMap, String(status)) : undefined;
  const state = typeof mapped === "string" ? mapped : "running";
  const snapshot: TaskSnapshot<Result> = { state, raw: data };
  const progress = protocol.progressPath ? toNumber(getPath(data, protocol.progressPath)) : undefined;
  if (progress !== undefined) snapshot.progress = progress;
  const reason = protocol.reasonPath ? getPath(data, protocol.reasonPath) : undefined;
  if (reason !== undefined && reason !== null && reason !== "") {
    snapshot.reason =
      typeof reason === "string"
        ? reason
        : deeperThan(reason)
          ? "(too deeply nested)"
          : JSON.stringify(reason);
  }
  if (state === "succeeded") {
    let result = getPath(data, protocol.resultPath);
    if (protocol.resultEncoding === "json-string" && typeof result === "string") {
      const text = result;
      try {
        result =
          text.trim() === "" ? undefined : parseJsonBounded(text, undefined, "The task result", { vendor });
      } catch (error) {
        if (isGenError(error)) throw error;
        throw new InvalidResponseError("Task result is not valid JSON", { vendor, raw: text });
      }
    }
    if (result !== undefined) snapshot.result = result as Result;
  }
  return snapshot;
}

/** URLs in a decoded result at the protocol's `resultUrlPaths` (`*` walks array items). */
export function resultUrls(protocol: TaskProtocolDefinition, result: unknown): string[] {
  const out: string[] = [];
  const walk = (value: unknown, keys: string[]): void => {
    if (keys.length === 0) {
      if (typeof value === "string" && value !== "") out.push(value);
      else if (Array.isArray(value)) for (const v of value) walk(v, []);
      return;
    }
    const [key, ...rest] = keys;
    if (key === "*") {
      if (Array.isArray(value)) for (const v of value) walk(v, rest);
    } else if (value !== null && typeof value === "object") {
      walk((value as Record<string, unknown>)[key!], rest);
    }
  };
  for (const path of protocol.resultUrlPaths ?? []) walk(result, path.split("."));
  return [...new Set(out)];
}
