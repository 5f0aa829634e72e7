import { describe, expect, it } from "vitest";
import { compactSchema } from "../src/compact-schema.js";

const issues = (spec: Parameters<typeof compactSchema>[0], value: unknown) => {
  const result = compactSchema(spec)["~standard"].validate(value);
  if (result instanceof Promise) throw new Error("compact validation is synchronous");
  return result.issues?.map((i) => i.message) ?? [];
};

describe("compactSchema enum", () => {
  it("derives the message from the allowed values when the spec carries none", () => {
    expect(issues({ t: "e", v: ["a", 2] }, "c")).toEqual(["must be one of: a, 2"]);
  });

  it("keeps an explicit message and accepts listed values", () => {
    expect(issues({ t: "e", v: [3], m: "must be 3" }, 4)).toEqual(["must be 3"]);
    expect(issues({ t: "e", v: ["a"] }, "a")).toEqual([]);
    expect(issues({ t: "e", v: ["a"] }, undefined)).toEqual(["is required"]);
  });
});
