import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  InvalidRequestError,
  type OperationDefinition,
  type StandardSchemaV1,
} from "../../packages/runtime/src/index.ts";
import { objectArbitrary, operationInputSchema, valueArbitrary } from "./helpers/input-arbitrary.ts";
import { failure, type Simulator, simulatorFor, vendorCases } from "./helpers/vendor-cases.ts";

const RUNS = Number(process.env.GEN_FUZZ_RUNS ?? (process.env.GEN_SOAK === "1" ? 2000 : 40));
/**
 * Vendor-side rejections of inputs the generated schema accepted, tolerated for now (reported):
 * - the emitter does not check `format: uri` (tomoviee ImageUrl/VideoUrl).
 */
const KNOWN_PARITY_GAPS = [/must be a valid uri/];

function operationsOf(pkg: Record<string, unknown>): OperationDefinition[] {
  return Object.values(pkg).filter(
    (v): v is OperationDefinition =>
      typeof v === "object" && v !== null && "id" in v && "method" in v && "path" in v && "kind" in v,
  );
}

function modelOperations(dir: string): Map<string, Record<string, unknown>> {
  const model = JSON.parse(readFileSync(join(dir, "openapi.gen.json"), "utf8")) as {
    paths: Record<string, Record<string, unknown>>;
  };
  const ops = new Map<string, Record<string, unknown>>();
  for (const item of Object.values(model.paths))
    for (const op of Object.values(item) as Array<Record<string, unknown>>)
      if (typeof op?.operationId === "string") ops.set(op.operationId, op);
  return ops;
}

function schemaOf(op: OperationDefinition): StandardSchemaV1 | undefined {
  return typeof op.input === "function" ? op.input() : op.input;
}

/**
 * Every generated input schema, fed random and boundary inputs: nothing but InvalidRequestError
 * is ever thrown before the network, and an input the schema rejects never reaches the loopback
 * simulator (its ledger counts every request).
 */
describe.each(vendorCases)("fuzz input schemas: $vendor", (c) => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await simulatorFor(c, 5);
  });
  afterAll(() => sim.close());

  const model = JSON.parse(readFileSync(join(c.entry.dir, "openapi.gen.json"), "utf8"));
  const modelOps = modelOperations(c.entry.dir);
  const operations = operationsOf(c.module).filter((op) => op.input);

  it("exports an input schema for every model operation", () => {
    expect(operations.map((o) => o.id).sort()).toEqual([...modelOps.keys()].sort());
  });

  it.each(operations.map((op) => [op.id, op] as const))("%s", async (_id, op) => {
    const runtime = c.client(sim).runtime;
    const schema = schemaOf(op)!;
    const flat = operationInputSchema(model, modelOps.get(op.id)!);
    const input = fc.oneof(
      { weight: 6, arbitrary: objectArbitrary(model, flat) },
      { weight: 1, arbitrary: valueArbitrary(model, {}) },
    );
    let rejected = 0;
    const gaps: string[] = [];
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        const verdict = await schema["~standard"].validate(value);
        const before = sim.ledger.entries.length;
        const error = await failure(runtime.invoke(op, value));
        const sent = sim.ledger.entries.length - before;
        if (error instanceof InvalidRequestError && sent > 0) {
          expect(verdict.issues).toBeUndefined();
          const message = error.vendorMessage ?? error.message;
          if (!KNOWN_PARITY_GAPS.some((gap) => gap.test(message)))
            gaps.push(`${JSON.stringify(value)}: ${message}`);
          return;
        }
        if (error instanceof InvalidRequestError) {
          rejected++;
          expect(sent).toBe(0);
          expect(error.issues.length).toBeGreaterThan(0);
          for (const issue of error.issues) expect(error.message).toContain(`[${issue.rule}]`);
          return;
        }
        expect(verdict.issues, "schema rejected the input but the runtime did not").toBeUndefined();
        expect(sent, `${String(error)} thrown before any request`).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
    expect(rejected).toBeGreaterThan(0);
    expect(gaps, "the simulator (model) rejected inputs the generated schema accepted").toEqual([]);
  });
});
