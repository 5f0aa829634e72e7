import { describe, expect, it } from "vitest";
import { extractProseConstraints, splitSentences } from "../src/adapters/mediaio/prose-constraints.js";

describe("extractProseConstraints", () => {
  const cases: Array<{
    given: [string, string, string[]?];
    want: Record<string, unknown>;
    extracted: number;
    unknown?: number;
  }> = [
    {
      given: ["The text prompt. Maximum string length: 1200.", "string"],
      want: { maxLength: 1200 },
      extracted: 1,
    },
    { given: ["Minimum string length: 3.", "string"], want: { minLength: 3 }, extracted: 1 },
    { given: ["The URLs. Maximum 9 file(s).", "array"], want: { maxItems: 9 }, extracted: 1 },
    { given: ["Maximum 9 file(s).", "string"], want: {}, extracted: 0, unknown: 1 },
    {
      given: ["Target ratio. Options: 9:16, 16:9. Default is 16:9.", "string", ["9:16", "16:9"]],
      want: { default: "16:9" },
      extracted: 1,
    },
    { given: ["Default is 4K.", "string", ["1K", "2K"]], want: {}, extracted: 0, unknown: 1 },
    { given: ["Options: a, b, and c.", "string"], want: { enum: ["a", "b", "c"] }, extracted: 1 },
    { given: ["Options: a, b.", "string", ["a", "x"]], want: {}, extracted: 0, unknown: 1 },
    {
      given: ["File size must be between 0.0 MB and 20.0 MB.", "string"],
      want: { "x-gen-file-size-mb": { min: 0, max: 20 } },
      extracted: 1,
    },
    {
      given: ["Image resolution must be between 300x300 and 1280x1280.", "string"],
      want: { "x-gen-image-resolution": { min: [300, 300], max: [1280, 1280] } },
      extracted: 1,
    },
    {
      given: ["Video resolution must be between 340x340 and 3850x3850.", "string"],
      want: { "x-gen-video-resolution": { min: [340, 340], max: [3850, 3850] } },
      extracted: 1,
    },
    {
      given: ["Aspect ratio must be between 0.4:1 and 2.5:1.", "string"],
      want: { "x-gen-aspect-ratio": { min: "0.4:1", max: "2.5:1" } },
      extracted: 1,
    },
    {
      given: ["Frame rate must be between 24 and 60 FPS.", "string"],
      want: { "x-gen-frame-rate": { min: 24, max: 60 } },
      extracted: 1,
    },
    {
      given: ["Duration must be between 3 and 30 seconds.", "string"],
      want: { "x-gen-duration-seconds": { min: 3, max: 30 } },
      extracted: 1,
    },
    {
      given: ["Supported formats include PNG, JPEG, and JPG.", "string"],
      want: { "x-gen-formats": ["PNG", "JPEG", "JPG"] },
      extracted: 1,
    },
    {
      // A conditional option: extracted as a condition (see below), enforced as an excludeWhen rule.
      given: ["Options: 768P, 1080P (when duration is 6s).", "string", ["768P", "1080P"]],
      want: {},
      extracted: 1,
      unknown: 0,
    },
    { given: ["Must not contain URLs.", "string"], want: {}, extracted: 0, unknown: 1 },
    {
      given: ["The task ID to query, located in the URL path parameter", "string"],
      want: {},
      extracted: 0,
      unknown: 0,
    },
  ];
  it.each(cases)("$given.0", ({ given, want, extracted, unknown }) => {
    const got = extractProseConstraints(given[0], given[1], given[2]);
    expect(got.schema).toEqual(want);
    expect(got.extracted).toBe(extracted);
    expect(got.notUnderstood).toHaveLength(unknown ?? 0);
  });

  it("keeps decimal numbers inside one sentence", () => {
    expect(splitSentences("Between 0.0 MB and 10.0 MB. Maximum 9 file(s).")).toEqual([
      "Between 0.0 MB and 10.0 MB",
      "Maximum 9 file(s)",
    ]);
  });
});

describe("conditional options in prose", () => {
  it.each([
    {
      given: "Output resolution. Options: 768P, 1080P (when duration is 6s). Default is 768P.",
      keywords: ["768P", "1080P"],
      want: [{ value: "1080P", when: { duration: "6s" }, text: "1080P (when duration is 6s)" }],
      unknown: 0,
    },
    {
      given: "Options: 720P (when mode is fast), 1080P (when mode is pro).",
      keywords: ["720P", "1080P"],
      want: [
        { value: "720P", when: { mode: "fast" }, text: "720P (when mode is fast)" },
        { value: "1080P", when: { mode: "pro" }, text: "1080P (when mode is pro)" },
      ],
      unknown: 0,
    },
    { given: "Options: 720P, 1080P (when it rains).", keywords: ["720P", "1080P"], want: [], unknown: 1 },
  ])("$given", ({ given, keywords, want, unknown }) => {
    const out = extractProseConstraints(given, "string", keywords);
    expect(out.conditional).toEqual(want);
    expect(out.notUnderstood).toHaveLength(unknown);
  });
});
