import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FAST_WAIT, type ImaHarness, startIma } from "./helpers/start-ima.js";

let h: ImaHarness;
beforeAll(async () => {
  h = await startIma(300);
});
beforeEach(() => {
  h.sim.reset();
  h.seen.length = 0;
});
afterAll(() => h.close());

describe("estimateCost: the credits of a request, before anything is created", () => {
  it.each([
    [{ prompt: "p" }],
    [{ prompt: "p", model: "Wan 2.6", duration: 10, resolution: "1080P" }],
    [{ prompt: "p", model: "Google Veo 3.1" }],
  ])("matches what the create is then charged: %j", async (request) => {
    const cost = await h.client.estimateCost("text_to_video", request);
    expect(h.creates()).toHaveLength(0);
    const task = await h.client.textToVideo(request);
    expect(task.report?.credit.points).toBe(cost.points);
    expect(task.report?.credit.attributeId).toBe(cost.attributeId);
    expect(task.report?.model).toEqual(cost.model);
  });

  it("refuses bad input before any request", async () => {
    await expect(h.client.estimateCost("text_to_video", { prompt: "" })).rejects.toMatchObject({
      kind: "invalid_request",
    });
    expect(h.seen).toHaveLength(0);
  });
});

describe("cheapest / best model choice", () => {
  it.each(["cheapest", "最便宜", "Budget"])("%s picks the version with the fewest credits", async (model) => {
    const cost = await h.client.estimateCost("text_to_video", { prompt: "p", model });
    expect(cost.model.id).toBe("viduq2");
  });

  it.each(["best", "最好"])("%s picks the vendor's premium model", async (model) => {
    const task = await h.client.textToVideo({ prompt: "p", model });
    expect(task.report?.model.id).toBe("kling-video-o1");
  });
});

describe("progress of an IMA task", () => {
  it("follows the documented formula min(95, floor(elapsed / max * 100)) instead of 0 until done", async () => {
    // The simulator's clock is manual: the task stays running until a running event above 0 %
    // has been seen, so the assertion does not depend on how fast this machine is.
    let now = 0;
    const m = await startIma(300, () => now);
    try {
      const task = await m.client.textToVideo({ prompt: "p" });
      const running: number[] = [];
      await task.wait({
        ...FAST_WAIT,
        estimatedMs: [100, 400],
        onProgress: (e) => {
          if (e.status !== "running") return;
          running.push(e.progress);
          // Ends the task on the first reading above 0 % (or after 500 readings, so a regression fails).
          if (e.progress > 0 || running.length >= 500) now = 10_000;
        },
      });
      expect(running.some((p) => p > 0 && p <= 95)).toBe(true);
      expect(running).toEqual([...running].sort((a, b) => a - b));
    } finally {
      await m.close();
    }
  });
});
