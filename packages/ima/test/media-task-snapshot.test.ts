import { describe, expect, it } from "vitest";
import { mediaTaskSnapshot } from "../src/media-task-snapshot.js";

const done = (extra: Record<string, unknown> = {}) => ({
  resource_status: 1,
  status: "success",
  url: "https://cdn.example/a.mp4",
  cover: "https://cdn.example/a.jpg",
  duration_str: "5s",
  format: "mp4",
  ...extra,
});

describe("mediaTaskSnapshot", () => {
  const cases: Array<{ name: string; medias: unknown; want: string }> = [
    { name: "no medias yet", medias: undefined, want: "running" },
    {
      name: "null resource_status is running",
      medias: [{ resource_status: null, status: "pending" }],
      want: "running",
    },
    { name: "one of two done is running", medias: [done(), { resource_status: 0 }], want: "running" },
    { name: "all done", medias: [done(), done({ url: "https://cdn.example/b.mp4" })], want: "succeeded" },
    { name: "done but url missing keeps polling", medias: [done({ url: "" })], want: "running" },
    {
      name: "2 is a failure even when others are done",
      medias: [done(), { resource_status: 2 }],
      want: "failed",
    },
    { name: "3 (deleted) is a failure", medias: [{ resource_status: 3 }], want: "failed" },
    { name: "1 with status failed is a failure", medias: [done({ status: "failed" })], want: "failed" },
    { name: "string codes are read", medias: [done({ resource_status: "1" })], want: "succeeded" },
  ];
  it.each(cases)("$name -> $want", ({ medias, want }) => {
    expect(mediaTaskSnapshot("t1", { id: "t1", medias }).state).toBe(want);
  });

  it("types the outputs (url, cover, duration, format) and keeps every media", () => {
    const snap = mediaTaskSnapshot("t1", {
      medias: [done(), done({ url: "https://cdn.example/b.mp4", duration_str: "10s" })],
    });
    expect(snap.result).toEqual({
      taskId: "t1",
      url: "https://cdn.example/a.mp4",
      cover: "https://cdn.example/a.jpg",
      duration: 5,
      format: "mp4",
      medias: [
        { url: "https://cdn.example/a.mp4", cover: "https://cdn.example/a.jpg", duration: 5, format: "mp4" },
        { url: "https://cdn.example/b.mp4", cover: "https://cdn.example/a.jpg", duration: 10, format: "mp4" },
      ],
    });
  });

  it("reports the vendor's reason on failure", () => {
    expect(mediaTaskSnapshot("t", { medias: [{ resource_status: 2, error_msg: "nsfw" }] }).reason).toBe(
      "nsfw",
    );
  });

  it("survives malformed data", () => {
    expect(mediaTaskSnapshot("t", "garbage").state).toBe("running");
    expect(mediaTaskSnapshot("t", { medias: [null, 5] }).state).toBe("running");
  });
});
