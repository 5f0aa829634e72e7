import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidRequestError, type StandardSchemaV1 } from "../../packages/runtime/src/index.ts";
import { parseInput } from "../../packages/runtime/src/validate-input.ts";
import { objectArbitrary, operationInputSchema, valueArbitrary } from "./helpers/input-arbitrary.ts";
import { vendorCases } from "./helpers/vendor-cases.ts";

/** Strings at the edges of the URL, pattern and length rules. */
const tricky = fc.constantFrom(
  " https://a.example/x ",
  "https://a.example/\tx\n",
  "HTTPS://A.EXAMPLE",
  "http:a.example",
  "https://",
  "ftp://a.example",
  "https://a b.example",
  "",
  " ",
  "https://a.example/".padEnd(600, "x"),
);
const RUNS = Number(process.env.GEN_FUZZ_RUNS ?? (process.env.GEN_SOAK === "1" ? 5000 : 300));

type Schema = StandardSchemaV1<unknown, unknown>;

function outcome(schema: Schema, input: unknown): unknown {
  try {
    return { value: JSON.stringify(parseInput(schema, structuredClone(input))) ?? "undefined" };
  } catch (error) {
    if (!(error instanceof InvalidRequestError)) throw error;
    const issues = error.issues.map((i) => `${i.field} [${i.rule}] ${i.message}`).sort();
    return { issues, message: error.message.split("\n").sort() };
  }
}

/**
 * The zod-free validators the operations use (`<op>InputCheck`) against the exported zod schemas
 * (`<op>InputSchema`), every operation of every vendor: same accept/reject, same output (defaults
 * applied, URLs trimmed), same fields, rules and messages in the `InvalidRequestError`.
 */
describe.each(vendorCases)("compact validator = zod schema: $vendor", (c) => {
  const pkg = c.module;
  const model = JSON.parse(readFileSync(join(c.entry.dir, "openapi.gen.json"), "utf8"));
  const ops = new Map<string, Record<string, unknown>>();
  for (const item of Object.values(model.paths as Record<string, Record<string, unknown>>))
    for (const op of Object.values(item) as Array<Record<string, unknown>>)
      if (typeof op?.operationId === "string") ops.set(op.operationId, op);
  const ids = Object.keys(pkg)
    .filter((k) => k.endsWith("InputCheck"))
    .map((k) => k.slice(0, -"InputCheck".length));

  it("has a compact validator for every operation", () => {
    expect(ids.sort()).toEqual([...ops.keys()].sort());
  });

  it.each(ids)("%s", (id) => {
    const check = (pkg[`${id}InputCheck`] as () => Schema)();
    const zod = (pkg[`${id}InputSchema`] as () => Schema)();
    const flat = operationInputSchema(model, ops.get(id)!);
    const keys = Object.keys(flat.properties ?? {});
    const withTricky = fc
      .tuple(objectArbitrary(model, flat), fc.constantFrom(...keys, "x"), tricky, fc.boolean())
      .map(([o, key, text, inArray]) => ({ ...o, [key]: inArray ? [text] : text }));
    const input = fc.oneof(
      { weight: 6, arbitrary: objectArbitrary(model, flat) },
      { weight: 2, arbitrary: withTricky },
      { weight: 1, arbitrary: valueArbitrary(model, {}) },
    );
    let rejected = 0;
    fc.assert(
      fc.property(input, (value) => {
        const want = outcome(zod, value);
        expect(outcome(check, value)).toEqual(want);
        if ((want as { issues?: unknown }).issues) rejected++;
      }),
      { numRuns: RUNS },
    );
    expect(rejected).toBeGreaterThan(0);
  });
});
