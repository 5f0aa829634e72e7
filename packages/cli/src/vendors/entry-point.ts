import type { InputIssue } from "@gen/runtime";
import type { JsonSchema } from "@gen/spec";

/**
 * A hand-written client method the CLI exposes like an operation (e.g. IMA's video flows, which
 * take a model name and pick the product, price and body themselves). Called as
 * `client[method](input, callOptions)`; it resolves to a result or a task.
 */
export interface EntryPoint {
  /** Name on the command line (`text_to_video`); the method name is accepted too. */
  name: string;
  /** Client method (`textToVideo`). */
  method: string;
  description: string;
  /** Input schema, for `gen list` and `--set` value types; the method validates the input itself. */
  schema(module: Record<string, unknown>): JsonSchema;
  /** What the call would cost, without making it (`gen call ... --estimate-cost`), where the vendor prices requests. */
  estimate?(client: Record<string, unknown>, input: unknown): Promise<unknown>;
  /**
   * The checks the method makes before any request, as issues (empty: valid); `gen studio` runs
   * them as the user types. Optional: without it only the schema's required fields are checked.
   */
  validate?(module: Record<string, unknown>, input: unknown): InputIssue[];
}

/** An entry point by its name or method, loosely matched (`text_to_video`, `textToVideo`). */
export function findEntryPoint(entries: readonly EntryPoint[], name: string): EntryPoint | undefined {
  const key = name.toLowerCase().replace(/[\s_-]/g, "");
  return entries.find((e) => [e.name, e.method].some((n) => n.toLowerCase().replace(/[\s_-]/g, "") === key));
}
