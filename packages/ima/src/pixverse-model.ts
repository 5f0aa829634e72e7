import { versionNumber } from "./pick-version.js";

/**
 * The inner `model` value Pixverse versions need when their form lacks it (`Pixverse V5.5` ->
 * `v5.5`); the vendor answers 400017 without it. `undefined` for other models.
 */
export function pixverseModel(modelId: string, versionName: string): string | undefined {
  if (modelId.toLowerCase() !== "pixverse") return undefined;
  const v = versionNumber(versionName);
  return v ? `v${v.join(".")}` : undefined;
}
