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

/** At most `max` opening brackets in `text` (counted with the native `indexOf`, strings included). */
function fewBrackets(text: string, max: number): boolean {
  let n = 0;
  for (let i = text.indexOf("{"); i !== -1; i = text.indexOf("{", i + 1)) if (++n > max) return false;
  for (let i = text.indexOf("["); i !== -1; i = text.indexOf("[", i + 1)) if (++n > max) return false;
  return true;
}

/** True when JSON text nests brackets deeper than `maxDepth` (what `parseJsonBounded` refuses). */
export function jsonTooDeep(text: string, maxDepth = DEFAULT_LIMITS.maxJsonDepth): boolean {
  // No more brackets than the limit cannot nest past it: most answers skip the character scan.
  return text.length > maxDepth && !fewBrackets(text, maxDepth) && textDepth(text, maxDepth) > maxDepth;
}

/**
 * `JSON.parse` that refuses nesting deeper than `maxDepth` with `LimitExceededError` (before
 * parsing: nothing later can overflow the stack walking the value). Syntax errors throw as usual.
 */
export function parseJsonBounded(
  text: string,
  maxDepth = DEFAULT_LIMITS.maxJsonDepth,
  what = "JSON",
  init: GenErrorInit = {},
): unknown {
  if (jsonTooDeep(text, maxDepth)) {
    throw new LimitExceededError("maxJsonDepth", maxDepth, `${what} nesting`, init);
  }
  return JSON.parse(text);
}

/** True when `value` nests objects/arrays deeper than `maxDepth` (iterative: safe on any depth). */
export function deeperThan(value: unknown, maxDepth = DEFAULT_LIMITS.maxJsonDepth): boolean {
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
