const EXTENSIONS: Readonly<Record<string, string>> = {
  "image/png": ".png",
  "image/jpeg": ".jpg",
  "image/webp": ".webp",
  "image/gif": ".gif",
  "image/svg+xml": ".svg",
  "video/mp4": ".mp4",
  "video/webm": ".webm",
  "audio/mpeg": ".mp3",
  "audio/wav": ".wav",
  "application/json": ".json",
  "text/plain": ".txt",
};

/**
 * A safe file name: the caller's, else the URL's last path segment (decoded), stripped of path
 * separators, control characters and leading dots; an extension from the content type when it
 * has none; `download` when nothing is left.
 */
export function fileNameFor(url: string, contentType: string, given?: string): string {
  let name = given ?? "";
  if (!name) {
    const segment = new URL(url).pathname.split("/").filter(Boolean).pop() ?? "";
    try {
      name = decodeURIComponent(segment);
    } catch {
      name = segment;
    }
  }
  name = name
    .replace(/[/\\\u0000-\u001f\u007f:*?"<>|]/g, "_")
    .replace(/^\.+/, "")
    .slice(0, 200);
  if (!name) name = "download";
  if (!/\.[a-z0-9]{1,8}$/i.test(name))
    name += EXTENSIONS[contentType.split(";")[0]!.trim().toLowerCase()] ?? "";
  return name;
}
