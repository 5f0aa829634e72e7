import { InvalidRequestError } from "@gen/runtime";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type DiagramType, diagramMethods, diagramTypes } from "../src/index.js";
import { type EdrawmaxHarness, startEdrawmax } from "./helpers/start-edrawmax.js";

let h: EdrawmaxHarness;
beforeAll(async () => {
  h = await startEdrawmax();
});
afterAll(() => h.close());
beforeEach(() => {
  h.sim.reset();
  h.seen.length = 0;
  h.retries.length = 0;
});

const sourceField: Record<DiagramType, string> = {
  flowchart: "mermaid_code",
  infographic: "source_code",
  gantt: "source_code",
  mindmap: "source_code",
};

const apiRequests = () => h.sim.ledger.entries.filter((e) => e.host === "api.edrawmax.cn");

describe.each(diagramTypes)("%s end to end", (type) => {
  const method = diagramMethods[type];

  it("sends the vendor's request and returns typed, aliased output with the raw fields kept", async () => {
    const prompt = `a ${type} about onboarding ${Math.random()}`;
    const out = await h.client[method]({ prompt, lang: "en", platform: "mac", userId: "u-42" });

    const [entry, ...more] = apiRequests();
    expect(more).toHaveLength(0);
    expect(entry?.method).toBe("POST");
    expect(entry?.path).toBe(`/api/ai/skills/generate-${type}`);
    expect(entry?.body).toEqual({ prompt, lang: "en", platform: "mac" });
    expect(entry?.headers["x-user-id"]).toBe("u-42");
    expect(entry?.headers["content-type"]).toMatch(/^application\/json/);
    expect(h.sim.ledger.createCount(method)).toBe(1);

    const raw = out as unknown as Record<string, string>;
    expect(out.pngUrl).toBe(raw["png_url"]);
    expect(out.svgUrl).toBe(raw["svg_url"]);
    expect(out.source).toBe(raw[sourceField[type]]);
    expect(out.source).toContain(prompt);
    expect(new URL(out.pngUrl).hostname.endsWith(".aliyuncs.com")).toBe(true);
    expect(Object.keys(out).sort()).toEqual(
      ["png_url", "pngUrl", "source", "svg_url", "svgUrl", sourceField[type]].sort(),
    );
  });

  it("sends no user id header when none is given and never a user id in the body", async () => {
    await h.client[method]({ prompt: "steps" });
    const entry = apiRequests()[0];
    expect(entry?.headers["x-user-id"]).toBeUndefined();
    const { lang, ...rest } = (entry?.body ?? {}) as Record<string, unknown>;
    expect(rest).toEqual({ prompt: "steps" });
    expect([undefined, "cn"]).toContain(lang);
  });

  it("is reachable through call() by the vendor's name and aliases", async () => {
    const names = [`generate-${type}`, type, `/skills/generate-${type}`];
    for (const name of names) {
      const out = (await h.client.call(name, { prompt: "x" })) as { source?: unknown };
      expect(typeof out.source).toBe("string");
    }
    expect(h.sim.ledger.createCount(method)).toBe(names.length);
  });
});

describe("input validation, before any request", () => {
  const cases: Array<[string, unknown, string]> = [
    ["missing prompt", { lang: "en" }, "prompt"],
    ["empty prompt", { prompt: "" }, "prompt"],
    ["blank prompt", { prompt: "  \n\t" }, "prompt"],
    ["prompt not a string", { prompt: 42 }, "prompt"],
    ["unknown lang", { prompt: "p", lang: "zh" }, "lang"],
    ["lang in upper case", { prompt: "p", lang: "EN" }, "lang"],
    ["unknown platform", { prompt: "p", platform: "windows" }, "platform"],
    ["user id with a line break (header injection)", { prompt: "p", userId: "u\r\nX-Evil: 1" }, "userId"],
    ["empty user id", { prompt: "p", userId: "" }, "userId"],
    ["user id in the body, by its wire name", { prompt: "p", user_id: "7" }, "user_id"],
    ["misspelt field", { promt: "p" }, "prompt"],
  ];

  it.each(cases)("%s", async (_name, input, field) => {
    const error = await h.client.generateFlowchart(input as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    const { issues } = error as InvalidRequestError;
    expect(issues.some((i) => i.field === field || i.message.includes(field))).toBe(true);
    expect((error as Error).message).toContain(field);
    expect(h.seen).toHaveLength(0);
    expect(h.sim.ledger.entries).toHaveLength(0);
  });

  it("accepts all 12 languages and 6 platforms", async () => {
    const langs = ["en", "cn", "jp", "kr", "es", "fr", "de", "it", "tw", "pt", "ru", "id"] as const;
    const platforms = ["web", "win", "mac", "ios", "android", "linux"] as const;
    for (const [i, lang] of langs.entries()) {
      await h.client.generateMindmap({ prompt: "p", lang, platform: platforms[i % platforms.length]! });
    }
    expect(apiRequests().map((e) => (e.body as { lang: string }).lang)).toEqual([...langs]);
  });
});

describe("escape hatch", () => {
  it("sends body fields the catalog does not know through extraBody", async () => {
    await h.client.generateGantt({ prompt: "plan" }, { extraBody: { style: "dark" } });
    expect(apiRequests()[0]?.body).toMatchObject({ prompt: "plan", style: "dark" });
  });

  it("a user id forced into the body is refused by the (simulated) vendor with code 400", async () => {
    const error = await h.client
      .generateGantt({ prompt: "plan" }, { extraBody: { user_id: "7" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).code).toBe("400");
    expect(h.sim.ledger.createCount("generateGantt")).toBe(0);
  });
});
