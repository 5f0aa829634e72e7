import { describe, expect, it } from "vitest";
import { pickVersion } from "../src/pick-version.js";
import { pixverseModel } from "../src/pixverse-model.js";
import type { ProductNode } from "../src/product-types.js";
import { versionLeaves } from "../src/version-leaves.js";

const tree: ProductNode[] = [
  {
    type: "2",
    name: "Pixverse",
    children: [
      { type: "3", id: "pv-45", model_id: "pixverse", name: "Pixverse V4.5" },
      { type: "3", id: "pv-55", model_id: "pixverse", name: "Pixverse V5.5" },
      {
        type: "2",
        name: "older",
        children: [{ type: 3, id: "pv-35", model_id: "pixverse", name: "Pixverse V3.5" }],
      },
    ],
  },
  {
    type: "2",
    name: "Wan",
    children: [{ type: "3", id: "wan2.6-t2v", model_id: "wan2.6-t2v", name: "Wan 2.6" }],
  },
  { type: "3", id: "k1", model_id: "kling-video-o1", name: "Kling O1" },
  { type: "3", name: "broken leaf without ids" },
];

describe("versionLeaves", () => {
  it("walks groups at any depth and keeps only complete leaves", () => {
    expect(versionLeaves(tree).map((l) => l.id)).toEqual(["pv-45", "pv-55", "pv-35", "wan2.6-t2v", "k1"]);
  });
  it("tolerates an empty or missing tree", () => {
    expect(versionLeaves(undefined)).toEqual([]);
    expect(versionLeaves([{ type: "2" }])).toEqual([]);
  });
});

describe("pickVersion", () => {
  const leaves = versionLeaves(tree);
  const cases: Array<{ model: string; version?: string; want: string }> = [
    { model: "pixverse", want: "pv-55" },
    { model: "pixverse", version: "V4.5", want: "pv-45" },
    { model: "pixverse", version: "3.5", want: "pv-35" },
    { model: "pixverse", version: "pixverse v5.5", want: "pv-55" },
    { model: "pixverse", version: "pv-45", want: "pv-45" },
    { model: "wan2.6-t2v", want: "wan2.6-t2v" },
  ];
  it.each(cases)("$model $version -> $want", ({ model, version, want }) => {
    expect(pickVersion(leaves, model, version).id).toBe(want);
  });
  it("names the field and the offered models for an unknown model", () => {
    expect(() => pickVersion(leaves, "sora-2-pro")).toThrow(
      /model.*sora-2-pro.*offered: pixverse, wan2\.6-t2v/,
    );
  });
  it("names the offered versions for an unknown version", () => {
    expect(() => pickVersion(leaves, "pixverse", "V9")).toThrow(/version.*Pixverse V4\.5, Pixverse V5\.5/);
  });
});

describe("pixverseModel", () => {
  it.each([
    ["pixverse", "Pixverse V5.5", "v5.5"],
    ["pixverse", "Pixverse V4", "v4"],
    ["pixverse", "Pixverse", undefined],
    ["kling-video-o1", "Kling V1", undefined],
  ])("%s %s -> %s", (id, name, want) => {
    expect(pixverseModel(id, name)).toBe(want);
  });
});
