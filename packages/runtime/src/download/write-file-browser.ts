import { GenError } from "../errors/gen-error.js";
import type { WriteFileRequest } from "./write-file-node.js";

/** Stand-in for runtimes without a file system (browsers, edge): downloads need Node. */
export async function writeBodyToFile(_request: WriteFileRequest): Promise<{ path: string; bytes: number }> {
  throw new GenError(
    "invalid_request",
    "download() writes files and needs a file system (Node.js, Bun or Deno)",
  );
}
