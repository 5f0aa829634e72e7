import { access, readFile } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import { type CatalogAdapterContextV1, type GenerationDiagnostic, GenerationError } from "@gen/spec";
import { YAMLParseError } from "yaml";
import { parseCatalogFast, parseCatalogStrict } from "./parse-catalog-text.js";

/** Builds the context handed to an adapter; diagnostics land in `sink`. */
export function createAdapterContext(
  root: string,
  vendorId: string,
  catalogPath: string,
  options: Record<string, unknown>,
  sink: GenerationDiagnostic[],
): CatalogAdapterContextV1 {
  const abs = (p: string) => (isAbsolute(p) ? p : join(root, p));
  return {
    root,
    catalogPath,
    vendorId,
    options,
    readFile: (p) => readFile(abs(p), "utf8"),
    fileExists: (p) =>
      access(abs(p)).then(
        () => true,
        () => false,
      ),
    parseYaml(text, file) {
      const fast = parseCatalogFast(text);
      if (fast) return fast.value;
      try {
        return parseCatalogStrict(text);
      } catch (e) {
        const pos = e instanceof YAMLParseError ? e.linePos?.[0] : undefined;
        const d: GenerationDiagnostic = {
          severity: "error",
          code: "parse-error",
          message: `cannot parse: ${(e as Error).message.split("\n")[0]}`,
          file,
          entry: pos ? `line ${pos.line}, column ${pos.col}` : "(file)",
        };
        throw new GenerationError([d]);
      }
    },
    report(d) {
      sink.push({ file: catalogPath, ...d });
    },
  };
}
