import { readFile, stat } from "node:fs/promises";

/** Size of a regular file in bytes, or -1 when it is missing or not a file. */
export function localFileSize(path: string): Promise<number> {
  return stat(path).then(
    (s) => (s.isFile() ? s.size : -1),
    () => -1,
  );
}

/** The bytes of a local file. */
export async function readLocalFile(path: string): Promise<Uint8Array> {
  const bytes = await readFile(path);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
