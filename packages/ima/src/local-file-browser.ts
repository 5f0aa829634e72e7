import { GenError } from "@gen/runtime";

const noFiles = () =>
  new GenError(
    "invalid_request",
    "Uploading a local file needs a file system (Node.js, Bun or Deno); pass an https URL instead",
    { vendor: "ima" },
  );

/** Stand-in for runtimes without a file system (browsers, edge): local paths cannot be read. */
export async function localFileSize(_path: string): Promise<number> {
  throw noFiles();
}

/** Stand-in for runtimes without a file system (browsers, edge): local paths cannot be read. */
export async function readLocalFile(_path: string): Promise<Uint8Array> {
  throw noFiles();
}
