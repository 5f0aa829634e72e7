import { describe, expect, it } from "vitest";
import type { CreditRule } from "../src/product-types.js";
import { selectCreditRule } from "../src/select-credit-rule.js";

const veo: CreditRule[] = [
  { attribute_id: 900, points: 70, attributes: { default: "enabled" } },
  { attribute_id: 901, points: 70, attributes: { resolution: "720P", duration: "4", quality: "optimized" } },
  { attribute_id: 902, points: 140, attributes: { resolution: "720P", duration: "8", quality: "optimized" } },
  { attribute_id: 903, points: 330, attributes: { Resolution: "4K", Duration: 4, quality: "high" } },
  { attribute_id: 904, points: 90, attributes: { generate_audio: true, duration: "4" } },
];

const cases: Array<{
  name: string;
  rules: CreditRule[];
  params: Record<string, unknown>;
  want: [number, string];
}> = [
  {
    name: "exact match",
    rules: veo,
    params: { resolution: "720P", duration: 8, quality: "optimized" },
    want: [902, "exact"],
  },
  {
    name: "case of keys and values is ignored",
    rules: veo,
    params: { RESOLUTION: " 4k ", duration: "4", Quality: "HIGH" },
    want: [903, "exact"],
  },
  {
    name: "number equals numeric string",
    rules: veo,
    params: { resolution: "720p", duration: "4", quality: "optimized" },
    want: [901, "exact"],
  },
  {
    name: "boolean equals its string",
    rules: veo,
    params: { generate_audio: "true", duration: 4 },
    want: [904, "exact"],
  },
  {
    name: "first exact match wins over later ones",
    rules: veo,
    params: { resolution: "720P", duration: 4, quality: "optimized", generate_audio: true },
    want: [901, "exact"],
  },
  {
    name: "extra request keys do not matter",
    rules: veo,
    params: { resolution: "720P", duration: 8, quality: "optimized", aspect_ratio: "16:9" },
    want: [902, "exact"],
  },
  {
    name: "most matches when none is exact",
    rules: veo,
    params: { resolution: "4K", duration: 4, quality: "optimized" },
    want: [901, "partial"],
  },
  { name: "partial tie keeps the first", rules: veo, params: { resolution: "720P" }, want: [901, "partial"] },
  {
    name: "default rule when nothing matches",
    rules: veo,
    params: { resolution: "1080P" },
    want: [900, "default"],
  },
  { name: "default rule for empty params", rules: veo, params: {}, want: [900, "default"] },
  {
    name: "first rule when there is no default",
    rules: [
      { attribute_id: 1, points: 5, attributes: { mode: "std" } },
      { attribute_id: 2, points: 9, attributes: { mode: "pro" } },
    ],
    params: { mode: "turbo" },
    want: [1, "first"],
  },
  {
    name: "default marker is not an attribute to match",
    rules: [
      { attribute_id: 7, points: 5, attributes: { default: "enabled", mode: "std" } },
      { attribute_id: 8, points: 9, attributes: { mode: "pro" } },
    ],
    params: { mode: "std" },
    want: [7, "default"],
  },
  {
    name: "rules without attributes never match by attributes",
    rules: [
      { attribute_id: 3, points: 5 },
      { attribute_id: 4, points: 9, attributes: { mode: "pro" } },
    ],
    params: { mode: "pro" },
    want: [4, "exact"],
  },
];

describe("selectCreditRule", () => {
  it.each(cases)("$name", ({ rules, params, want }) => {
    const got = selectCreditRule(rules, params);
    expect([got?.rule.attribute_id, got?.match]).toEqual(want);
  });

  it("returns undefined without rules", () => {
    expect(selectCreditRule([], { a: 1 })).toBeUndefined();
    expect(selectCreditRule(undefined, {})).toBeUndefined();
  });
});
