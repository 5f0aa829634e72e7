import { describe, expect, it } from "vitest";
import { oneLineSummary, SUMMARY_MAX } from "../src/emit/one-line-summary.js";

describe("oneLineSummary (the manifest's line per operation)", () => {
  it.each([
    [
      "the catalog's summary",
      "Generate a flowchart",
      "Long text. More.",
      "flowchart",
      "Generate a flowchart",
    ],
    ["else the description's first sentence", undefined, "Makes a video. Slowly.", "x", "Makes a video."],
    [
      "a summary restating the name",
      "Wan 2.6 API Documentation",
      "Starts a clip. Then.",
      "Wan 2.6 (T2V)",
      "Starts a clip.",
    ],
    [
      "a page heading",
      "User Credits API Documentation",
      "API to query credits.",
      "Credits",
      "API to query credits.",
    ],
    [
      "a heading with no description",
      "User Credits API Documentation",
      undefined,
      "Credits",
      "User Credits API Documentation",
    ],
    ["whitespace collapsed", "  Two\n  lines ", undefined, "x", "Two lines"],
    ["a CJK sentence end", undefined, "生成流程图。然后导出", "x", "生成流程图。"],
    ["nothing said", undefined, "   ", "x", undefined],
  ])("%s", (_, summary, description, name, want) => {
    expect(oneLineSummary(summary, description, name)).toBe(want);
  });

  it(`cuts at a word to at most ${SUMMARY_MAX} characters, with an ellipsis`, () => {
    const long = `${"word ".repeat(60)}end.`;
    const got = oneLineSummary(long) as string;
    expect(got.length).toBeLessThanOrEqual(SUMMARY_MAX);
    expect(got).toMatch(/^(word )+word…$/);
  });
});
