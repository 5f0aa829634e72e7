import type { TomovieeClient } from "../../src/index.js";

/** One valid call per capability, with the result field it must fill and how many URLs. */
export interface CapabilityCase {
  operation: Exclude<keyof TomovieeClient, "runtime" | "call" | "resume" | "getTask">;
  capability: string;
  input: Record<string, unknown>;
  field: "video_path" | "images_path" | "audio_path" | "mask_path";
  count: number;
  contentType: string;
}

export const capabilityCases: CapabilityCase[] = [
  {
    operation: "textToVideo",
    capability: "tm_text2video_b",
    input: { prompt: "A golden retriever running through a sunlit meadow", camera_move_index: 7 },
    field: "video_path",
    count: 1,
    contentType: "video/mp4",
  },
  {
    operation: "imageToVideo",
    capability: "tm_img2video_b",
    input: {
      prompt: "Camera slowly pushes in",
      image: "https://example.com/a.jpg",
      aspect_ratio: "original",
    },
    field: "video_path",
    count: 1,
    contentType: "video/mp4",
  },
  {
    operation: "firstLastFrameToVideo",
    capability: "tm_tail2video_b",
    input: {
      prompt: "Smooth transition",
      image: "https://example.com/1.jpg",
      image_tail: "https://example.com/2.jpg",
    },
    field: "video_path",
    count: 1,
    contentType: "video/mp4",
  },
  {
    operation: "videoContinuation",
    capability: "tm_video_continuation_b",
    input: { prompt: "The bird soars higher", video: "https://example.com/first.mp4" },
    field: "video_path",
    count: 1,
    contentType: "video/mp4",
  },
  {
    operation: "referenceImageToImage",
    capability: "tm_reference_img2img",
    input: {
      prompt: "Same person, office background",
      reference_image: "https://example.com/r.jpg",
      batch_size: 3,
    },
    field: "images_path",
    count: 3,
    contentType: "image/png",
  },
  {
    operation: "imageRedrawing",
    capability: "tm_redrawing",
    input: {
      prompt: "Clear blue sky",
      init_image: "https://example.com/p.jpg",
      mask_url: "https://example.com/m.png",
    },
    field: "images_path",
    count: 1,
    contentType: "image/png",
  },
  {
    operation: "imageToMask",
    capability: "tm_reference_img2mask",
    input: { image: "https://example.com/p.jpg", control_type: "2" },
    field: "mask_path",
    count: 1,
    contentType: "image/png",
  },
  {
    operation: "textToMusic",
    capability: "tm_text2music",
    input: { prompt: "Upbeat electronic pop", duration: 30, qty: 2 },
    field: "audio_path",
    count: 2,
    contentType: "audio/mpeg",
  },
  {
    operation: "textToSoundEffect",
    capability: "tm_text2sfx",
    input: { prompt: "Rain on a tin roof", duration: 10 },
    field: "audio_path",
    count: 1,
    contentType: "audio/mpeg",
  },
  {
    operation: "textToSpeech",
    capability: "tm_text2speech",
    input: { text: "Welcome to the platform.", voice_id: "en-US-JennyNeural" },
    field: "audio_path",
    count: 1,
    contentType: "audio/mpeg",
  },
  {
    operation: "videoScoring",
    capability: "tm_video_scoring",
    input: { video: "https://example.com/v.mp4", prompt: "Calm ambient", duration: 20 },
    field: "audio_path",
    count: 1,
    contentType: "audio/mpeg",
  },
];
