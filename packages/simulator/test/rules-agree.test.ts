import { checkRules, type InputRule } from "@gen/runtime";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../src/index.js";
import { fixture, postJson } from "./fixtures.js";

// Every rule kind, with top-level and nested fields, numeric and string `when` values.
const rules: InputRule[] = [
  { rule: "defaultFrom", field: "b", from: "a", when: { mode: "copy" } },
  { rule: "requiredWhen", field: "seed", when: { mode: "fixed" } },
  { rule: "forbiddenWhen", field: "images", when: { mode: "text" } },
  { rule: "count", field: "images", min: 1, max: 2, when: { mode: "image" } },
  { rule: "count", field: "opts.list", max: 1 },
  { rule: "excludeWhen", field: "res", values: ["1080P"], when: { dur: 10 } },
  { rule: "requiredWhen", field: "opts.extra", when: { "opts.kind": "x" } },
  { rule: "oneOfRequired", fields: ["prompt", "b"] },
];

let sim: Simulator;
beforeAll(async () => {
  const model = fixture("acme") as { paths: Record<string, unknown> };
  model.paths["/v1/rules"] = {
    post: {
      operationId: "ruleProbe",
      "x-gen-operation": { name: "Rule probe", kind: "read", rules },
      requestBody: { content: { "application/json": { schema: { type: "object" } } } },
      responses: { "200": { description: "ok" } },
    },
  };
  sim = await startSimulator({ model });
});
afterAll(() => sim.close());

// Values chosen to hit every edge of "present": absent, null, "", [], 0, false, strings that equal
// or miss a `when`, numbers vs numeric strings, and lists of 0-3 items.
const value = fc.constantFrom<unknown>(
  undefined,
  null,
  "",
  [],
  0,
  false,
  "x",
  "fixed",
  "text",
  "image",
  "copy",
  "1080P",
  "720P",
  10,
  "10",
  ["u"],
  ["u", "v"],
  ["u", "v", "w"],
);
const input = fc.record(
  {
    mode: value,
    seed: value,
    images: value,
    a: value,
    b: value,
    res: value,
    dur: value,
    prompt: value,
    opts: fc.record({ list: value, kind: value, extra: value }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

describe("the client and the simulator agree on every rule", () => {
  it("refuses the same inputs for the same fields, and accepts the rest", async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(input, async (given) => {
        // JSON drops `undefined`: judge on the client the very body the simulator receives.
        const body = JSON.parse(JSON.stringify(given)) as Record<string, unknown>;
        const client = checkRules(body, rules).issues.map((i) => `${i.field}: ${i.message}`);
        const served = await postJson(`${sim.baseUrl}/v1/rules`, body, { "x-acme-key": "sim-key" });
        if (client.length === 0) {
          expect(served.json.code, JSON.stringify(served.json)).toBe(0);
          return;
        }
        refused += 1;
        expect(served.json.code).toBe(1002);
        expect(String(served.json.msg).split("; ").sort()).toEqual([...client].sort());
      }),
      { numRuns: 300, seed: 15 },
    );
    expect(refused).toBeGreaterThan(0);
  });

  it.each([
    ["[] is absent for requiredWhen", { mode: "fixed", seed: [], prompt: "p" }, ["seed"]],
    ['"" never satisfies a when', { mode: "", dur: "", res: "1080P", prompt: "p" }, []],
    ["an absent list counts 0 items", { mode: "image", prompt: "p" }, ["images"]],
    ['10 and "10" match the same when', { dur: "10", res: "1080P", prompt: "p" }, ["res"]],
    ["defaultFrom fills before oneOfRequired", { mode: "copy", a: "from-a" }, []],
  ])("%s", async (_name, body, fields) => {
    expect(checkRules(body, rules).issues.map((i) => i.field)).toEqual(fields);
    const served = await postJson(`${sim.baseUrl}/v1/rules`, body, { "x-acme-key": "sim-key" });
    expect(served.json.code).toBe(fields.length ? 1002 : 0);
  });
});
