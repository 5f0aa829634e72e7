import { InvalidRequestError } from "./errors/invalid-request-error.js";

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** Keys that reach a prototype when used as a path (`__proto__`, `constructor`, `prototype`). */
export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.has(key);
}

/**
 * Refuse input shapes no schema should see, before validation and any request: holes in arrays
 * (`new Array(1)` would be sent as `[null]`), keys that reach prototypes (`__proto__`,
 * `constructor`, `prototype`), and nesting deeper than `maxDepth`. Names the field and the rule.
 */
export function checkInputShape(input: unknown, maxDepth: number, vendor?: string): void {
  const stack: Array<[unknown, string, number]> = [[input, "", 0]];
  const seen = new Set<object>();
  const fail = (field: string, rule: string, message: string): never => {
    throw InvalidRequestError.fromIssues([{ field, rule, message }], { vendor });
  };
  while (stack.length > 0) {
    const [value, path, depth] = stack.pop()!;
    if (value === null || typeof value !== "object" || seen.has(value)) continue;
    if (ArrayBuffer.isView(value) || value instanceof Date) continue;
    seen.add(value);
    if (depth >= maxDepth) fail(path, "max_depth", `nested deeper than ${maxDepth} levels`);
    const at = (key: string) => (path ? `${path}.${key}` : key);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        if (!(i in value)) fail(at(String(i)), "sparse_array", "array has a hole (a missing item)");
        stack.push([value[i], at(String(i)), depth + 1]);
      }
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) fail(at(key), "forbidden_key", `the key "${key}" is not allowed`);
      stack.push([(value as Record<string, unknown>)[key], at(key), depth + 1]);
    }
  }
}
