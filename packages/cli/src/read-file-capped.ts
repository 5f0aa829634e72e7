import { open } from "node:fs/promises";
import { usageError } from "./cli-error.js";

/**
 * A text file read up to `maxBytes` (a larger file or an endless device like /dev/urandom is
 * refused as soon as it passes the cap); usage errors name `what` and the rule.
 */
export async function readFileCapped(
  path: string,
  maxBytes: number,
  what: string,
  unreadable: (code: string | undefined) => string,
): Promise<string> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, "r");
  } catch (error) {
    throw usageError(unreadable((error as { code?: string }).code));
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    const buffer = Buffer.alloc(64 * 1024);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw usageError(`${what}: the file is larger than ${maxBytes} bytes`);
      chunks.push(Buffer.from(buffer.subarray(0, bytesRead)));
    }
    return Buffer.concat(chunks).toString("utf8");
  } catch (error) {
    if ((error as { name?: string }).name === "CliError") throw error;
    throw usageError(unreadable((error as { code?: string }).code));
  } finally {
    await handle.close().catch(() => {});
  }
}
