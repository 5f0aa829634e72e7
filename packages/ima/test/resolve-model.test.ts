import { describe, expect, it } from "vitest";
import { type ImaModelTable, imaModels, resolveModel, type VideoTaskType } from "../src/index.js";

const table = imaModels as ImaModelTable;

describe("resolveModel (catalogs/ima/models.yaml)", () => {
  const cases: Array<[VideoTaskType, string | undefined, string, string?]> = [
    ["text_to_video", "可灵", "kling-video-o1"],
    ["text_to_video", "可灵O1", "kling-video-o1"],
    ["text_to_video", "Wan", "wan2.6-t2v"],
    ["image_to_video", "Wan", "wan2.6-i2v"],
    ["image_to_video", "万2.6", "wan2.6-i2v"],
    ["text_to_video", "wan 2.6", "wan2.6-t2v"],
    ["text_to_video", "海螺", "MiniMax-Hailuo-2.3"],
    ["text_to_video", "Hailuo 2.0", "MiniMax-Hailuo-02"],
    ["text_to_video", "可灵2.6", "kling-v2-6"],
    ["image_to_video", "Vidu", "viduq2-pro"],
    ["text_to_video", "Vidu Q2", "viduq2"],
    ["text_to_video", "google veo", "veo-3.1-generate-preview"],
    ["text_to_video", "Pixverse V5.5", "pixverse", "Pixverse V5.5"],
    ["text_to_video", "MiniMax-Hailuo-2.3", "MiniMax-Hailuo-2.3"],
    ["text_to_video", undefined, "wan2.6-t2v"],
    ["image_to_video", undefined, "wan2.6-i2v"],
    ["first_last_frame_to_video", undefined, "kling-video-o1"],
    ["reference_image_to_video", undefined, "kling-video-o1"],
    ["text_to_video", "some-new-model", "some-new-model"],
  ];
  it.each(cases)("%s %s -> %s %s", (taskType, model, id, version) => {
    const got = resolveModel(table, taskType, model);
    expect([got.modelId, got.version]).toEqual([id, version]);
  });

  it("carries the model's estimated time in ms", () => {
    expect(resolveModel(table, "text_to_video", "Kling O1").estimatedMs).toEqual([180_000, 360_000]);
  });

  it("refuses a known model for a task type it lacks", () => {
    expect(() => resolveModel(table, "reference_image_to_video", "Wan")).toThrow(
      /Wan 2\.6 is not offered for reference_image_to_video/,
    );
  });

  it("every task type has a default that is one of its model ids", () => {
    for (const taskType of table.taskTypes ?? []) {
      const id = table.defaults[taskType];
      expect(table.models.some((m) => m.ids[taskType] === id)).toBe(true);
    }
  });
});
