/** Upload kinds of the vendor's upload service (`fType`) and the client-side size caps. */
export type UploadKind = "picture" | "video" | "audio";

/** Size caps per kind, bytes (the vendor client's: image 30 MB, video 50 MB, audio 15 MB). */
export const UPLOAD_MAX_BYTES: Readonly<Record<UploadKind, number>> = {
  picture: 30 * 1024 * 1024,
  video: 50 * 1024 * 1024,
  audio: 15 * 1024 * 1024,
};

const TYPES: Readonly<Record<string, readonly [UploadKind, string]>> = {
  jpg: ["picture", "image/jpeg"],
  jpeg: ["picture", "image/jpeg"],
  png: ["picture", "image/png"],
  webp: ["picture", "image/webp"],
  gif: ["picture", "image/gif"],
  bmp: ["picture", "image/bmp"],
  mp4: ["video", "video/mp4"],
  mov: ["video", "video/quicktime"],
  webm: ["video", "video/webm"],
  mp3: ["audio", "audio/mpeg"],
  wav: ["audio", "audio/wav"],
  m4a: ["audio", "audio/mp4"],
  aac: ["audio", "audio/aac"],
};

/** Kind, suffix and content type of a file name; `undefined` for an unknown extension. */
export function uploadType(
  fileName: string,
): { kind: UploadKind; suffix: string; contentType: string } | undefined {
  const suffix = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const hit = suffix ? TYPES[suffix] : undefined;
  return hit && suffix ? { kind: hit[0], suffix, contentType: hit[1] } : undefined;
}
