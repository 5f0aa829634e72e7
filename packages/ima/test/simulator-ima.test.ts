import { type Simulator, startSimulator } from "@gen/simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCreateBody, type ProductNode } from "../src/index.js";
import { versionLeaves } from "../src/version-leaves.js";

// The simulator's IMA backend on its own (raw HTTP), so its checks are known to bite.
let sim: Simulator;
let leaves: ReturnType<typeof versionLeaves>;
beforeAll(async () => {
  sim = await startSimulator({ vendor: "ima" });
  leaves = versionLeaves(
    (await call("GET", "/open/v1/product/list?app=ima&platform=web&category=text_to_video"))
      .data as ProductNode[],
  );
});
afterAll(() => sim.close());

async function call(method: string, path: string, body?: unknown): Promise<{ code: number; data: unknown }> {
  const res = await fetch(`${sim.baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${sim.credentials["apiKey"]}`,
      "x-app-source": "ima_skills",
      "content-type": "application/json",
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return (await res.json()) as { code: number; data: unknown };
}

const leaf = (name: string) => leaves.find((l) => l.name === name)!;
const body = (name: string, params: Record<string, unknown> = {}) =>
  buildCreateBody({ taskType: "text_to_video", version: leaf(name), prompt: "p", params }).body;

describe("IMA simulator backend", () => {
  it("offers several Pixverse versions under one model id, plus multi-rule and virtual fields", () => {
    expect(leaves.filter((l) => l.model_id === "pixverse")).toHaveLength(5);
    expect(leaf("Google Veo 3.1").credit_rules!.length).toBeGreaterThan(2);
    expect(leaf("Google Veo 3.1").form_config!.some((f) => f.is_ui_virtual)).toBe(true);
  });

  it("accepts a correctly priced body", async () => {
    expect((await call("POST", "/open/v1/tasks/create", body("Wan 2.6"))).code).toBe(0);
  });

  const broken: Array<[string, () => unknown, number]> = [
    [
      "credit != points",
      () => {
        const b = body("Wan 2.6");
        b.parameters[0].credit += 1;
        return b;
      },
      6006,
    ],
    [
      "cast not mirrored",
      () => {
        const b = body("Wan 2.6");
        b.parameters[0].parameters.cast.points = 3;
        return b;
      },
      6006,
    ],
    [
      "attribute id of another rule",
      () => {
        const b = body("Wan 2.6");
        b.parameters[0].attribute_id = 2060;
        return b;
      },
      6010,
    ],
    ["no rule matches (no default)", () => body("Kling O1", { mode: "turbo" }), 6009],
    [
      "Pixverse V5.5 without inner model",
      () => {
        const b = body("Pixverse V5.5");
        delete b.parameters[0].parameters["model"];
        return b;
      },
      400017,
    ],
    [
      "prompt at the top level",
      () => {
        const b = body("Wan 2.6") as unknown as Record<string, unknown>;
        const inner = (b["parameters"] as Array<{ parameters: Record<string, unknown> }>)[0]!.parameters;
        b["prompt"] = inner["prompt"];
        delete inner["prompt"];
        return b;
      },
      400,
    ],
    ["Vidu at 1080P", () => body("Vidu Q2", { resolution: "1080P" }), 500],
  ];
  it.each(broken)("%s -> %i", async (_name, make, code) => {
    expect((await call("POST", "/open/v1/tasks/create", make())).code).toBe(code);
  });

  it("an image URL on the upload host must have been uploaded", async () => {
    const b = buildCreateBody({
      taskType: "image_to_video",
      version: {
        id: "kling-video-o1",
        model_id: "kling-video-o1",
        name: "Kling O1",
        credit_rules: [{ attribute_id: 2313, points: 48, attributes: { mode: "std", duration: "5" } }],
        form_config: [
          { field: "mode", value: "std" },
          { field: "duration", value: 5 },
        ],
      },
      prompt: "p",
      images: ["https://imapi.liveme.com/cdn/never-uploaded.jpg"],
    }).body;
    expect((await call("POST", "/open/v1/tasks/create", b)).code).toBe(400);
  });
});
