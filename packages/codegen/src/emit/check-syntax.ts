import { transformSync } from "esbuild";

/** Syntax errors of an emitted TypeScript file (parse only, no type-check). */
export function syntaxErrors(fileName: string, text: string): string[] {
  try {
    transformSync(text, { loader: "ts", sourcefile: fileName, logLevel: "silent" });
    return [];
  } catch (e) {
    const errors =
      (e as { errors?: Array<{ text: string; location?: { line: number } | null }> }).errors ?? [];
    return errors.length
      ? errors.map((x) => `${fileName}${x.location ? `:${x.location.line}` : ""}: ${x.text}`)
      : [`${fileName}: ${(e as Error).message}`];
  }
}
