import { resolve } from "node:path";
import { isForbiddenKey, isGenError, parseJsonBounded } from "@gen/runtime";
import type { JsonSchema } from "@gen/spec";
import { usageError } from "./cli-error.js";
import { readFileCapped } from "./read-file-capped.js";

/** Largest `--input` file read, bytes. */
export const MAX_INPUT_BYTES: number = 16 * 1024 * 1024;

/**
 * The call input: `--input FILE.json` (an object) with each `--set key=value` applied on top.
 * Keys may be dot paths (`settings.seed=3`). A value becomes what the schema wants at that key
 * (number, boolean, JSON array/object; a plain value for an array is appended, so `--set` repeats);
 * where the schema says nothing, JSON is tried, then the raw string.
 */
export async function buildInput(
  cwd: string,
  inputFile: string | undefined,
  sets: readonly string[],
  schema: JsonSchema | undefined,
): Promise<Record<string, unknown>> {
  const input = inputFile ? await readInputFile(resolve(cwd, inputFile), inputFile) : {};
  for (const assignment of sets) applySet(input, assignment, schema);
  return input;
}

async function readInputFile(path: string, shown: string): Promise<Record<string, unknown>> {
  const text = await readFileCapped(
    path,
    MAX_INPUT_BYTES,
    `--input ${shown}`,
    () => `--input: cannot read the file ${shown}`,
  );
  let value: unknown;
  try {
    value = parseJsonBounded(text);
  } catch (error) {
    if (isGenError(error)) throw usageError(`--input: ${shown} is nested too deeply`);
    throw usageError(`--input: ${shown} is not valid JSON (${(error as Error).message})`);
  }
  if (!isObject(value)) throw usageError(`--input: ${shown} must hold a JSON object`);
  return value;
}

/** Applies one `key=value` to `input`. */
export function applySet(
  input: Record<string, unknown>,
  assignment: string,
  schema: JsonSchema | undefined,
): void {
  const eq = assignment.indexOf("=");
  if (eq <= 0) throw usageError(`--set expects key=value, got "${assignment}"`);
  const path = assignment.slice(0, eq).split(".");
  for (const key of path) {
    if (key === "") throw usageError(`--set ${assignment.slice(0, eq)}: a key segment is empty`);
    if (isForbiddenKey(key))
      throw usageError(`--set ${assignment.slice(0, eq)}: the key "${key}" is not allowed`);
  }
  const raw = assignment.slice(eq + 1);
  let target = input;
  let node = schema;
  for (const key of path.slice(0, -1)) {
    const next = Object.hasOwn(target, key) ? target[key] : undefined;
    if (next !== undefined && !isObject(next))
      throw usageError(`--set ${assignment}: ${key} is not an object`);
    target[key] = next ?? {};
    target = target[key] as Record<string, unknown>;
    node = ownProp(node, key);
  }
  const last = path[path.length - 1] as string;
  const prop = ownProp(node, last);
  const existing = Object.hasOwn(target, last) ? target[last] : undefined;
  if (wants(prop, "array") && !raw.trimStart().startsWith("[")) {
    const item = coerce(raw, prop?.items);
    target[last] = Array.isArray(existing) ? [...existing, item] : [item];
    return;
  }
  target[last] = coerce(raw, prop);
}

/** Converts a raw `--set` value to the type the schema asks for. */
export function coerce(raw: string, prop: JsonSchema | undefined): unknown {
  if (!prop || typeOf(prop).length === 0) return tryJson(raw);
  if (wants(prop, "string") && !wants(prop, "number") && !wants(prop, "integer") && !wants(prop, "boolean")) {
    return raw;
  }
  if (
    (wants(prop, "number") || wants(prop, "integer")) &&
    raw.trim() !== "" &&
    Number.isFinite(Number(raw))
  ) {
    return Number(raw);
  }
  if (wants(prop, "boolean") && (raw === "true" || raw === "false")) return raw === "true";
  if (wants(prop, "array") || wants(prop, "object")) return tryJson(raw);
  return raw;
}

function ownProp(node: JsonSchema | undefined, key: string): JsonSchema | undefined {
  const props = node?.properties;
  return props && Object.hasOwn(props, key) ? props[key] : undefined;
}

function typeOf(prop: JsonSchema): string[] {
  const variants = prop.anyOf ?? prop.oneOf;
  if (variants) return variants.flatMap(typeOf);
  if (prop.const !== undefined) return [typeof prop.const];
  if (prop.enum) return [...new Set(prop.enum.map((v) => typeof v))];
  if (prop.type === undefined) return [];
  return Array.isArray(prop.type) ? prop.type : [prop.type];
}

function wants(prop: JsonSchema | undefined, type: string): boolean {
  return prop !== undefined && typeOf(prop).includes(type);
}

function tryJson(raw: string): unknown {
  try {
    return parseJsonBounded(raw);
  } catch (error) {
    if (isGenError(error)) throw usageError("--set: the value is nested too deeply");
    return raw;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
