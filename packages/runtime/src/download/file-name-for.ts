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

/** File systems cap names at 255 bytes; leave room for the `-N` suffix and the temp file's affixes. */
const MAX_NAME_BYTES = 200;
const encoder = new TextEncoder();

/** `name` cut to at most `max` UTF-8 bytes (whole characters), keeping a short extension. */
function fitBytes(name: string, max: number): string {
  if (encoder.encode(name).length <= max) return name;
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0] ?? "";
  let out = "";
  let bytes = encoder.encode(ext).length;
  for (const ch of name.slice(0, name.length - ext.length)) {
    bytes += encoder.encode(ch).length;
    if (bytes > max) break;
    out += ch;
  }
  return out + ext;
}

/**
 * A safe file name: the caller's, else the URL's last path segment (decoded), stripped of path
 * separators, control, bidi and zero-width characters and leading dots, at most 200 UTF-8 bytes; an extension from the content type when it
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
    // Bidi overrides and zero-width characters would disguise the name (`\u202Egnp.sh` shows as `hs.png`).
    .replace(/[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, "")
    .replace(/[/\\\u0000-\u001f\u007f-\u009f:*?"<>|]/g, "_")
    .replace(/[\uD800-\uDFFF]/gu, "_")
    .replace(/^\.+/, "");
  name = fitBytes(name, MAX_NAME_BYTES);
  if (!name) name = "download";
  if (!/\.[a-z0-9]{1,8}$/i.test(name))
    name += EXTENSIONS[contentType.split(";")[0]!.trim().toLowerCase()] ?? "";
  return name;
}
