import { GenError, type GenErrorKind } from "@gen/runtime";
import type { DiagramFiles } from "./generate-and-download.js";

/**
 * The diagram was generated but a result file could not be saved. Nothing is lost: `diagram`
 * carries the URLs, the source and the path of every file that was saved, and `errors` says why
 * each other file was not (e.g. `HostNotAllowedError`, a size cap, a content-type mismatch).
 */
export class DiagramDownloadError extends GenError {
  override name = "DiagramDownloadError";
  readonly diagram: Partial<DiagramFiles> &
    Pick<DiagramFiles, "type" | "pngUrl" | "svgUrl" | "source" | "output">;
  readonly errors: Readonly<Partial<Record<"png" | "svg", Error>>>;

  constructor(diagram: DiagramDownloadError["diagram"], errors: DiagramDownloadError["errors"]) {
    const first = errors.png ?? errors.svg;
    const kind: GenErrorKind = first instanceof GenError ? first.kind : "network";
    const which = Object.keys(errors).join(" and ");
    super(
      kind,
      `EdrawMax ${diagram.type} generated, but the ${which} download failed: ${first?.message ?? "unknown"}`,
      {
        vendor: "edrawmax",
        cause: first,
        userMessage: "The diagram was created but a file could not be saved; its URLs and source are kept.",
      },
    );
    this.diagram = diagram;
    this.errors = errors;
  }
}
