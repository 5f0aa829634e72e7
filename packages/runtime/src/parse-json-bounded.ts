import type { GenErrorInit } from "./errors/gen-error.js";
import { LimitExceededError } from "./errors/limit-exceeded-error.js";
import { DEFAULT_LIMITS } from "./limits.js";

/** Deepest bracket nesting in JSON text (brackets inside strings ignored); stops past `max`. */
function textDepth(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return depth;
    } else if (c === 125 || c === 93) depth--;
  }
  return depth;
}

/**
 * `JSON.parse` that refuses nesting deeper than `maxDepth` with `LimitExceededError` (before
 * parsing: nothing later can overflow the stack walking the value). Syntax errors throw as usual.
 */
export function parseJsonBounded(
  text: string,
  maxDepth: number = DEFAULT_LIMITS.maxJsonDepth,
  what = "JSON",
  init: GenErrorInit = {},
): unknown {
  if (text.length > maxDepth && textDepth(text, maxDepth) > maxDepth) {
    throw new LimitExceededError("maxJsonDepth", maxDepth, `${what} nesting`, init);
  }
  return JSON.parse(text);
}

/** True when `value` nests objects/arrays deeper than `maxDepth` (iterative: safe on any depth). */
export function deeperThan(value: unknown, maxDepth: number = DEFAULT_LIMITS.maxJsonDepth): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== "object" || seen.has(node)) continue;
    if (depth >= maxDepth) return true;
    seen.add(node);
    for (const key of Object.keys(node)) stack.push([(node as Record<string, unknown>)[key], depth + 1]);
  }
  return false;
}
