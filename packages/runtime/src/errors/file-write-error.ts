import { GenError, type GenErrorInit } from "./gen-error.js";

/** A download could not be written to disk (no permission, disk full, file too large, ...). */
export class FileWriteError extends GenError {
  override name = "FileWriteError";
  /** The folder or file that could not be written. */
  readonly path: string;
  /** The system's error code (`EACCES`, `ENOSPC`, `EFBIG`, ...). */
  readonly reason: string;
  constructor(path: string, reason: string, init: GenErrorInit = {}) {
    super("file_write", `Cannot write ${path} (${reason})`, {
      userMessage: "The file could not be saved.",
      ...init,
    });
    this.path = path;
    this.reason = reason;
  }
}
