import { describe, expect, it } from "vitest";
import { degradeParams } from "../src/degrade-params.js";
import type { CreditRule } from "../src/product-types.js";

describe("degradeParams", () => {
  const cases: Array<{ name: string; params: Record<string, unknown>; rules?: CreditRule[]; want: unknown }> =
    [
      {
        name: "resolution first",
        params: { resolution: "1080P", duration: 15 },
        want: { field: "resolution", from: "1080P", to: "720P" },
      },
      {
        name: "case-insensitive",
        params: { resolution: "720p" },
        want: { field: "resolution", from: "720p", to: "540P" },
      },
      {
        name: "then duration",
        params: { resolution: "540P", duration: 15 },
        want: { field: "duration", from: 15, to: 10 },
      },
      {
        name: "keeps the value's type",
        params: { duration: "10" },
        want: { field: "duration", from: "10", to: "5" },
      },
      { name: "nothing left", params: { resolution: "540P", duration: 5 }, want: undefined },
      { name: "values off the ladder stay", params: { resolution: "4K", duration: 8 }, want: undefined },
      {
        name: "skips values no rule prices",
        params: { resolution: "1080P" },
        rules: [
          { attribute_id: 1, points: 1, attributes: { resolution: "1080P" } },
          { attribute_id: 2, points: 1, attributes: { resolution: "540P" } },
        ],
        want: { field: "resolution", from: "1080P", to: "540P" },
      },
    ];
  it.each(cases)("$name", ({ params, rules, want }) => {
    expect(degradeParams(params, rules)?.change).toEqual(want);
  });
});
