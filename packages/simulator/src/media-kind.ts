import type { SimOperation } from "./model-index.js";
import type { FileKind } from "./types.js";

const HINTS: Array<[RegExp, FileKind]> = [
  [/svg/i, "svg"],
  [/cover|thumb|poster|png|jpe?g|image|img|mask|picture|photo/i, "png"],
  [/video|mp4|movie|t2v|i2v|v2v/i, "mp4"],
  [/audio|music|mp3|sfx|speech|voice|sound|tts/i, "mp3"],
];

/** File kind suggested by a name (field path, operation id), if any. */
export function kindFromName(name: string): FileKind | undefined {
  return HINTS.find(([re]) => re.test(name))?.[1];
}

/** File kind an operation most likely produces: video, audio, else image. */
export function kindForOperation(operation: SimOperation | undefined): FileKind {
  if (!operation) return "png";
  const names = operation.names.join(" ");
  for (const [re, kind] of HINTS.slice(2)) if (re.test(names)) return kind;
  return /svg/i.test(names) ? "svg" : "png";
}
