import { access, readFile } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import { type CatalogAdapterContextV1, type GenerationDiagnostic, GenerationError } from "@gen/spec";
import { parse, YAMLParseError } from "yaml";

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
      // JSON is YAML: a `.json` catalog parses with JSON.parse (about 30x faster than the YAML
      // parser on a large file); anything JSON.parse refuses goes through the YAML parser, whose
      // error names the line and column.
      if (/^\s*[{[]/.test(text)) {
        try {
          return JSON.parse(text);
        } catch {}
      }
      try {
        return parse(text, { uniqueKeys: true, maxAliasCount: 1000 });
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
