import { describe, expect, it } from "vitest";
import { applyRules } from "../src/apply-rules.js";
import { InvalidRequestError } from "../src/errors/index.js";
import type { InputRule } from "../src/types.js";

const ok: Array<[string, InputRule[], Record<string, unknown>, Record<string, unknown>]> = [
  [
    "excludeWhen: the option under its condition",
    [{ rule: "excludeWhen", field: "resolution", values: ["1080P"], when: { duration: "10s" } }],
    { resolution: "1080P", duration: "6s" },
    { resolution: "1080P", duration: "6s" },
  ],
  [
    "excludeWhen: another option outside the condition",
    [{ rule: "excludeWhen", field: "resolution", values: ["1080P"], when: { duration: "10s" } }],
    { resolution: "768P", duration: "10s" },
    { resolution: "768P", duration: "10s" },
  ],
  [
    "defaultFrom fills an absent field",
    [{ rule: "defaultFrom", field: "title", from: "prompt" }],
    { prompt: "a cat" },
    { prompt: "a cat", title: "a cat" },
  ],
  [
    "defaultFrom keeps a given field",
    [{ rule: "defaultFrom", field: "title", from: "prompt" }],
    { prompt: "a", title: "b" },
    { prompt: "a", title: "b" },
  ],
  [
    "defaultFrom respects when",
    [{ rule: "defaultFrom", field: "title", from: "prompt", when: { mode: "x" } }],
    { prompt: "a", mode: "y" },
    { prompt: "a", mode: "y" },
  ],
  [
    "defaultFrom nested path",
    [{ rule: "defaultFrom", field: "meta.title", from: "prompt" }],
    { prompt: "a" },
    { prompt: "a", meta: { title: "a" } },
  ],
  [
    "requiredWhen satisfied",
    [{ rule: "requiredWhen", field: "mask", when: { mode: "inpaint" } }],
    { mode: "inpaint", mask: "m" },
    { mode: "inpaint", mask: "m" },
  ],
  [
    "requiredWhen not triggered",
    [{ rule: "requiredWhen", field: "mask", when: { mode: "inpaint" } }],
    { mode: "draw" },
    { mode: "draw" },
  ],
  [
    "when compares as strings",
    [{ rule: "requiredWhen", field: "n", when: { level: 2 } }],
    { level: "3" },
    { level: "3" },
  ],
  [
    "forbiddenWhen not triggered",
    [{ rule: "forbiddenWhen", field: "seed", when: { mode: "fast" } }],
    { mode: "slow", seed: 1 },
    { mode: "slow", seed: 1 },
  ],
  [
    "count within range",
    [{ rule: "count", field: "images", min: 1, max: 2 }],
    { images: ["a", "b"] },
    { images: ["a", "b"] },
  ],
  [
    "count not triggered",
    [{ rule: "count", field: "images", min: 2, max: 2, when: { type: "pair" } }],
    { type: "one", images: ["a"] },
    { type: "one", images: ["a"] },
  ],
  [
    "oneOfRequired satisfied",
    [{ rule: "oneOfRequired", fields: ["text", "image"] }],
    { image: "i" },
    { image: "i" },
  ],
  [
    "defaultFrom then requiredWhen",
    [
      { rule: "defaultFrom", field: "b", from: "a" },
      { rule: "requiredWhen", field: "b", when: { m: 1 } },
    ],
    { a: 1, m: 1 },
    { a: 1, m: 1, b: 1 },
  ],
];

const bad: Array<[string, InputRule[], Record<string, unknown>, string, string]> = [
  [
    "requiredWhen missing",
    [{ rule: "requiredWhen", field: "mask", when: { mode: "inpaint" } }],
    { mode: "inpaint" },
    "mask",
    "requiredWhen",
  ],
  [
    "requiredWhen empty string",
    [{ rule: "requiredWhen", field: "mask", when: { mode: "inpaint" } }],
    { mode: "inpaint", mask: "" },
    "mask",
    "requiredWhen",
  ],
  [
    "requiredWhen numeric when",
    [{ rule: "requiredWhen", field: "n", when: { level: 2 } }],
    { level: "2" },
    "n",
    "requiredWhen",
  ],
  [
    "forbiddenWhen present",
    [{ rule: "forbiddenWhen", field: "seed", when: { mode: "fast" } }],
    { mode: "fast", seed: 0 },
    "seed",
    "forbiddenWhen",
  ],
  [
    "count too few",
    [{ rule: "count", field: "images", min: 2, max: 2, when: { type: "pair" } }],
    { type: "pair", images: ["a"] },
    "images",
    "count",
  ],
  ["count absent counts as zero", [{ rule: "count", field: "images", min: 1 }], {}, "images", "count"],
  ["count too many", [{ rule: "count", field: "images", max: 1 }], { images: ["a", "b"] }, "images", "count"],
  [
    "oneOfRequired none",
    [{ rule: "oneOfRequired", fields: ["text", "image"] }],
    { other: 1 },
    "text|image",
    "oneOfRequired",
  ],
  [
    "oneOfRequired empty array",
    [{ rule: "oneOfRequired", fields: ["images"] }],
    { images: [] },
    "images",
    "oneOfRequired",
  ],
  [
    "excludeWhen: a conditional option outside its condition",
    [{ rule: "excludeWhen", field: "resolution", values: ["1080P"], when: { duration: "10s" } }],
    { resolution: "1080P", duration: "10s" },
    "resolution",
    "excludeWhen",
  ],
];

describe("applyRules", () => {
  it.each(ok)("%s", (_name, rules, input, want) => {
    const before = JSON.stringify(input);
    expect(applyRules(input, rules)).toEqual(want);
    expect(JSON.stringify(input)).toBe(before);
  });

  it.each(bad)("%s", (_name, rules, input, field, rule) => {
    let error: unknown;
    try {
      applyRules(input, rules, "acme");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidRequestError);
    const e = error as InvalidRequestError;
    expect(e.field).toBe(field);
    expect(e.rule).toBe(rule);
    expect(e.message).toContain(field);
    expect(e.message).toContain(rule);
    expect(e.vendor).toBe("acme");
  });

  it("reports every violation at once", () => {
    const rules: InputRule[] = [
      { rule: "requiredWhen", field: "a", when: { m: "x" } },
      { rule: "forbiddenWhen", field: "b", when: { m: "x" }, message: "b is for y only" },
    ];
    try {
      applyRules({ m: "x", b: 1 }, rules);
      expect.unreachable();
    } catch (e) {
      const issues = (e as InvalidRequestError).issues;
      expect(issues.map((i) => i.field)).toEqual(["a", "b"]);
      expect(issues[1]!.message).toBe("b is for y only");
    }
  });
});
