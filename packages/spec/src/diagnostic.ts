/** Where a diagnostic points: the catalog file, the entry inside it and the offending field. */
export interface DiagnosticLocation {
  /** Catalog file path (as given to the adapter, usually relative to the repository root). */
  file: string;
  /** The catalog entry: an operation name, a path + method, `[3] Nano Banana`... */
  entry?: string;
  /** The field inside the entry: `endpoint`, `api_body.category[0].list[2].type`... */
  field?: string;
}

/** One finding of an adapter or the generator. Errors fail generation; warnings are listed. */
export interface GenerationDiagnostic extends DiagnosticLocation {
  severity: "error" | "warning";
  /** Stable machine-readable code (`duplicate-name`, `unknown-type`, `prose-not-understood`...). */
  code: string;
  message: string;
}

/** Formats a diagnostic as `file: entry: field: message`. */
export function formatDiagnostic(d: GenerationDiagnostic): string {
  const where = [d.file, d.entry, d.field].filter((p): p is string => Boolean(p)).join(" > ");
  return `${d.severity === "error" ? "error" : "warning"} [${d.code}] ${where}: ${d.message}`;
}

/** Thrown when a catalog cannot be turned into a package; carries every error found. */
export class GenerationError extends Error {
  readonly diagnostics: readonly GenerationDiagnostic[];

  constructor(diagnostics: readonly GenerationDiagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === "error");
    const shown = errors.length > 0 ? errors : diagnostics;
    super(
      `generation failed with ${shown.length} error(s):\n` +
        shown.map((d) => `  ${formatDiagnostic(d)}`).join("\n"),
    );
    this.name = "GenerationError";
    this.diagnostics = diagnostics;
  }

  /** The first error's location (handy in tests and editors). */
  get first(): GenerationDiagnostic | undefined {
    return this.diagnostics.find((d) => d.severity === "error") ?? this.diagnostics[0];
  }
}
