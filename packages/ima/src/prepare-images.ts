import { applyRules, type InputRule, InvalidRequestError } from "@gen/runtime";

/**
 * Check the image count for a task type against the create operation's catalog rules (on
 * `src_img_url`), reported on the caller's `images` field — before anything is uploaded.
 */
export function checkImageCount(
  create: { rules?: readonly InputRule[] },
  taskType: string,
  images: readonly unknown[],
): void {
  const rules = (create.rules ?? [])
    .filter((r) => r.rule === "count" && r.field === "src_img_url")
    .map((r) => ({ ...r, field: "images" }));
  applyRules({ task_type: taskType, images }, rules, "ima");
}

/**
 * Public https URLs pass through; anything else that is not a URL is a local file, uploaded
 * with `upload`. Other URL schemes (http, data) are refused naming the field.
 */
export async function prepareImages(
  images: readonly unknown[],
  upload: (path: string, field: string) => Promise<string>,
): Promise<string[]> {
  const out: string[] = [];
  for (const [i, image] of images.entries()) {
    const field = `images[${i}]`;
    if (typeof image !== "string" || image.trim() === "") {
      throw InvalidRequestError.fromIssues([
        { field, rule: "type", message: "must be an https URL or a file path" },
      ]);
    }
    if (image.startsWith("https://")) out.push(image);
    else if (/^[a-z][a-z0-9+.-]*:/i.test(image) && !/^[a-z]:[\\/]/i.test(image)) {
      throw InvalidRequestError.fromIssues([
        {
          field,
          rule: "https",
          message: "URLs must be https (the vendor fetches them); pass a local file to upload it",
        },
      ]);
    } else out.push(await upload(image, field));
  }
  return out;
}
