import { describe, expect, it } from "vitest";
import { buildCreateBody } from "../src/build-create-body.js";
import type { ProductVersion } from "../src/product-types.js";

// The text_to_video example of vendor-docs/ima-video-ai.md ("Verified"), verbatim.
const documented = {
  task_type: "text_to_video",
  enable_multi_model: false,
  src_img_url: [],
  parameters: [
    {
      attribute_id: 4838,
      model_id: "wan2.6-t2v",
      model_name: "Wan 2.6",
      model_version: "wan2.6-t2v",
      app: "ima",
      platform: "web",
      category: "text_to_video",
      credit: 25,
      parameters: {
        prompt: "a puppy dancing happily, sunny meadow",
        negative_prompt: "",
        prompt_extend: false,
        duration: 5,
        resolution: "1080P",
        aspect_ratio: "16:9",
        shot_type: "single",
        seed: -1,
        n: 1,
        input_images: [],
        cast: { points: 3, attribute_id: 4838 },
      },
    },
  ],
};

// A live product leaf as the product list would give it for that example.
const wan: ProductVersion = {
  type: "3",
  id: "wan2.6-t2v",
  model_id: "wan2.6-t2v",
  name: "Wan 2.6",
  form_config: [
    { field: "negative_prompt", value: "" },
    { field: "prompt_extend", value: false },
    { field: "duration", value: 5 },
    { field: "resolution", value: "1080P" },
    { field: "aspect_ratio", value: "16:9" },
    { field: "shot_type", value: "single" },
    { field: "seed", value: -1 },
  ],
  credit_rules: [
    { attribute_id: 2057, points: 25, attributes: { default: "enabled" } },
    { attribute_id: 4838, points: 25, attributes: { resolution: "1080P", duration: "5" } },
    { attribute_id: 2060, points: 80, attributes: { resolution: "1080P", duration: "10" } },
  ],
};

describe("buildCreateBody", () => {
  it("equals the vendor's documented text_to_video body (cast mirrors the live credit)", () => {
    const { body, credit } = buildCreateBody({
      taskType: "text_to_video",
      version: wan,
      prompt: "a puppy dancing happily, sunny meadow",
    });
    // The document's cast.points (3) disagrees with its own credit (25); both come from the
    // product list and the vendor requires cast to mirror credit.
    const want = structuredClone(documented);
    want.parameters[0]!.parameters.cast.points = 25;
    expect(body).toEqual(want);
    expect(credit.match).toBe("exact");
  });

  it("re-prices when the caller changes a priced parameter", () => {
    const { body } = buildCreateBody({
      taskType: "text_to_video",
      version: wan,
      prompt: "p",
      params: { duration: 10 },
    });
    const p = body.parameters[0];
    expect([p.attribute_id, p.credit, p.parameters.cast, p.parameters.duration]).toEqual([
      2060,
      80,
      { points: 80, attribute_id: 2060 },
      10,
    ]);
  });

  it("mirrors images into src_img_url and input_images", () => {
    const images = ["https://cdn.example/a.jpg", "https://cdn.example/b.jpg"];
    const { body } = buildCreateBody({
      taskType: "first_last_frame_to_video",
      version: wan,
      prompt: "p",
      images,
    });
    expect(body.src_img_url).toEqual(images);
    expect(body.parameters[0].parameters.input_images).toEqual(images);
    expect(body.parameters[0].category).toBe("first_last_frame_to_video");
  });

  it("fills attributes of the chosen rule the request lacks, without overriding the caller", () => {
    const veo: ProductVersion = {
      id: "veo-v",
      model_id: "veo-3.1-generate-preview",
      name: "Google Veo 3.1",
      form_config: [{ field: "duration", value: 8 }],
      credit_rules: [{ attribute_id: 11, points: 140, attributes: { duration: "8", generate_audio: true } }],
    };
    const { body } = buildCreateBody({ taskType: "text_to_video", version: veo, prompt: "p" });
    expect(body.parameters[0].parameters).toMatchObject({ duration: 8, generate_audio: true });
  });

  it("injects Pixverse's model from the version name unless the form has one", () => {
    const pv = (name: string, form: ProductVersion["form_config"] = []): ProductVersion => ({
      id: name,
      model_id: "pixverse",
      name,
      form_config: form,
      credit_rules: [{ attribute_id: 1, points: 30 }],
    });
    const inner = (v: ProductVersion) =>
      buildCreateBody({ taskType: "text_to_video", version: v, prompt: "p" }).body.parameters[0].parameters;
    expect(inner(pv("Pixverse V5.5"))["model"]).toBe("v5.5");
    expect(inner(pv("Pixverse V4.5", [{ field: "model", value: "v4.5-form" }]))["model"]).toBe("v4.5-form");
  });

  it("refuses a product without credit rules with a typed error", () => {
    const bare: ProductVersion = { id: "x", model_id: "x", name: "X" };
    expect(() => buildCreateBody({ taskType: "text_to_video", version: bare, prompt: "p" })).toThrow(
      expect.objectContaining({ kind: "invalid_response" }),
    );
  });
});
