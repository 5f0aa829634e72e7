import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { IMA_MAX_RETRIES } from "../src/index.js";
import { FAST_WAIT, type ImaHarness, startIma } from "./helpers/start-ima.js";

let h: ImaHarness;
beforeEach(async () => {
  await h?.close();
  h = await startIma();
});
afterAll(() => h.close());

const productFetches = () => h.seen.filter((r) => r.url.includes("/open/v1/product/list")).length;
const creates = () =>
  h
    .creates()
    .map(
      (r) =>
        r.body as { parameters: Array<Record<string, unknown> & { parameters: Record<string, unknown> }> },
    );

describe("live product list recovery", () => {
  it("caches the product list between calls", async () => {
    await h.client.textToVideo({ prompt: "a" });
    await h.client.textToVideo({ prompt: "b" });
    expect(productFetches()).toBe(1);
  });

  it("6010 (stale attribute id): re-fetches products, re-selects and succeeds once", async () => {
    await h.client.textToVideo({ prompt: "warm the cache" });
    await h.reprice({ revision: 1 });
    const task = await h.client.textToVideo({ prompt: "after a price change" });
    const sent = creates();
    expect(sent.map((b) => b.parameters[0]!["attribute_id"])).toEqual([2057, 2057, 12057]);
    expect(sent.at(-1)!.parameters[0]!["credit"]).toBe(26);
    expect(sent.at(-1)!.parameters[0]!.parameters["cast"]).toEqual({ points: 26, attribute_id: 12057 });
    expect(task.report?.recoveredFrom).toBe("6010");
    expect(productFetches()).toBe(2);
    await expect(task.wait(FAST_WAIT)).resolves.toMatchObject({ taskId: task.taskId });
  });

  it("6009 (rules gained an attribute): completes parameters from the new rule", async () => {
    await h.client.textToVideo({ model: "Kling O1", prompt: "warm" });
    await h.reprice({ extraAttribute: ["kling-video-o1"] });
    const task = await h.client.textToVideo({ model: "Kling O1", prompt: "p" });
    expect(task.report?.recoveredFrom).toBe("6009");
    expect(creates().at(-1)!.parameters[0]!.parameters["generate_audio"]).toBe(false);
  });

  it("retries up to 3 times like the vendor's client, then surfaces the typed vendor error", async () => {
    h.sim.faults.add({ kind: "error", code: 6010, path: "/open/v1/tasks/create", times: 4 });
    const error = await h.client.textToVideo({ prompt: "p" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "invalid_request", code: "6010" });
    expect(creates()).toHaveLength(1 + IMA_MAX_RETRIES);
    expect(productFetches()).toBe(1 + IMA_MAX_RETRIES);
  });

  it("a third retry that succeeds creates the task", async () => {
    h.sim.faults.add({ kind: "error", code: 6009, path: "/open/v1/tasks/create", times: 3 });
    const task = await h.client.textToVideo({ prompt: "p" });
    expect(task.report?.recoveredFrom).toBe("6009");
    expect(creates()).toHaveLength(4);
  });

  it("6006 is surfaced and drops the cached products", async () => {
    h.sim.faults.add({ kind: "error", code: 6006, path: "/open/v1/tasks/create" });
    const zh = h.clientWith({ language: "zh" });
    const error = await zh.textToVideo({ prompt: "p" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "6006", userMessage: "积分计算异常,系统正在修复" });
    expect(creates()).toHaveLength(1);
    await zh.textToVideo({ prompt: "p" });
    expect(productFetches()).toBe(2);
  });
});

describe("500 degradation", () => {
  it("is off by default: one create, typed error", async () => {
    const error = await h.client
      .textToVideo({ model: "Vidu", prompt: "p", resolution: "1080P" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "server_error", code: "500" });
    expect(creates()).toHaveLength(1);
  });

  it("when opted in, lowers the resolution, re-prices and reports it", async () => {
    const seen: unknown[] = [];
    const task = await h.client.textToVideo(
      { model: "Vidu", prompt: "p", resolution: "1080P" },
      { degradeOnServerError: true, onDegrade: (d) => seen.push(d) },
    );
    const change = { field: "resolution", from: "1080P", to: "720P" };
    expect(seen).toEqual([change]);
    expect(task.report?.degraded).toEqual([change]);
    const last = creates().at(-1)!.parameters[0]!;
    expect([last.parameters["resolution"], last["attribute_id"], last["credit"]]).toEqual(["720P", 5002, 10]);
  });
});

describe("vendor errors", () => {
  const cases = [
    { code: 4008, kind: "insufficient_credits", en: /Insufficient points/, zh: /积分不足/ },
    { code: 4014, kind: "insufficient_credits", en: /subscription tier/, zh: /订阅等级/ },
    { code: 400017, kind: "invalid_request", en: /Invalid model value/, zh: /模型参数无效/ },
    { code: 503, kind: "server_error", en: /Model temporarily unavailable/, zh: /当前模型暂时不可用/ },
    { code: 429, kind: "rate_limited", en: /Too many requests, please wait a moment/, zh: /请求过于频繁/ },
    { code: 6009, kind: "invalid_request", en: /duration or resolution/, zh: /时长或分辨率/ },
  ];
  it.each(cases)("$code maps to $kind with en and zh wording", async ({ code, kind, en, zh }) => {
    h.sim.faults.add({ kind: "error", code, path: "/open/v1/tasks/create", times: 8 });
    const e1 = (await h.client.textToVideo({ prompt: "p" }).catch((e: unknown) => e)) as {
      kind: string;
      userMessage: string;
    };
    const e2 = (await h
      .clientWith({ language: "zh" })
      .textToVideo({ prompt: "p" })
      .catch((e: unknown) => e)) as {
      userMessage: string;
    };
    expect(e1.kind).toBe(kind);
    expect(e1.userMessage).toMatch(en);
    expect(e2.userMessage).toMatch(zh);
  });

  it("401: a bad key is an authentication error that never echoes the key", async () => {
    const bad = h.clientWith({ apiKey: "ima_wrong-key-123" });
    const error = (await bad.textToVideo({ prompt: "p" }).catch((e: unknown) => e)) as Error & {
      kind: string;
    };
    expect(error.kind).toBe("authentication");
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain("ima_wrong-key-123");
  });

  it("a failed media fails the wait with the vendor's wording and its alternative models", async () => {
    h.sim.faults.add({
      kind: "task-outcome",
      state: "failed",
      reason: "render node lost",
      path: "/open/v1/tasks/create",
    });
    const task = await h.client.textToVideo({ prompt: "p", n: 2 });
    const error = await task.wait(FAST_WAIT).catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: "task_failed",
      reason: "render node lost",
      message: expect.stringContaining("render node lost"),
      userMessage: "Video generation failed, try another model. Try Hailuo 2.0 or Kling 1.6",
      alternatives: ["Hailuo 2.0", "Kling 1.6"],
    });
  });

  it("a moderation failure gets the vendor's moderation wording and more permissive models", async () => {
    h.sim.faults.add({
      kind: "task-outcome",
      state: "failed",
      reason: "Content policy violation",
      path: "/open/v1/tasks/create",
    });
    const task = await h.clientWith({ language: "zh" }).textToVideo({ prompt: "p" });
    const error = await task.wait(FAST_WAIT).catch((e: unknown) => e);
    expect(error).toMatchObject({ alternatives: ["Wan 2.6", "Kling O1"] });
    expect((error as { userMessage: string }).userMessage).toMatch(
      /^提示词包含敏感内容.*可换用:Wan 2.6 或 Kling O1$/,
    );
  });

  it("error.message carries the vendor's own reason with our hint beside it", async () => {
    h.sim.faults.add({
      kind: "error",
      code: 400,
      message: "image_to_video needs 1 image",
      path: "/open/v1/tasks/create",
    });
    const error = (await h.client.textToVideo({ prompt: "p" }).catch((e: unknown) => e)) as Error & {
      vendorMessage: string;
      userMessage: string;
    };
    expect(error.message).toContain("image_to_video needs 1 image");
    expect(error.message).toContain("hint: Video parameter error, adjust duration or resolution");
    expect(error.userMessage).toBe("Video parameter error, adjust duration or resolution");
  });

  it("a network failure gets the vendor's network wording", async () => {
    h.sim.faults.add({ kind: "reset-before", path: "/open/v1/product/list", times: 10 });
    const error = (await h.client.textToVideo({ prompt: "p" }).catch((e: unknown) => e)) as {
      kind: string;
      userMessage: string;
    };
    expect(error.kind).toBe("network");
    expect(error.userMessage).toBe("Network connection unstable, check network and retry");
  });
});
