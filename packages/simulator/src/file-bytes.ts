import type { FileKind } from "./types.js";

const PNG_1X1 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

const box = (type: string, payload: Buffer) => {
  const size = Buffer.alloc(4);
  size.writeUInt32BE(8 + payload.length);
  return Buffer.concat([size, Buffer.from(type, "latin1"), payload]);
};

const FILES: Record<FileKind, { type: string; bytes: () => Buffer }> = {
  png: { type: "image/png", bytes: () => Buffer.from(PNG_1X1, "base64") },
  jpg: {
    type: "image/jpeg",
    bytes: () =>
      Buffer.from([
        0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9,
      ]),
  },
  mp4: {
    type: "video/mp4",
    bytes: () =>
      Buffer.concat([
        box(
          "ftyp",
          Buffer.concat([
            Buffer.from("isom", "latin1"),
            Buffer.from([0, 0, 2, 0]),
            Buffer.from("isomiso2mp41", "latin1"),
          ]),
        ),
        box("free", Buffer.alloc(0)),
        box("mdat", Buffer.from("gen-simulator", "latin1")),
      ]),
  },
  mp3: {
    type: "audio/mpeg",
    bytes: () =>
      Buffer.concat([
        Buffer.from([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0]),
        Buffer.from([0xff, 0xfb, 0x90, 0x64]),
        Buffer.alloc(413),
      ]),
  },
  svg: {
    type: "image/svg+xml",
    bytes: () =>
      Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><rect width="1" height="1"/></svg>\n',
      ),
  },
  json: { type: "application/json", bytes: () => Buffer.from('{"simulated":true}\n') },
  txt: { type: "text/plain; charset=utf-8", bytes: () => Buffer.from("simulated\n") },
};

/** Deterministic small bytes and the Content-Type of a file kind; `undefined` for unknown kinds. */
export function fileBytes(kind: string): { type: string; bytes: Buffer } | undefined {
  const file = Object.hasOwn(FILES, kind) ? FILES[kind as FileKind] : undefined;
  return file && { type: file.type, bytes: file.bytes() };
}
