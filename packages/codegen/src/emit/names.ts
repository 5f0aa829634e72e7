const RESERVED = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await".split(
    " ",
  ),
);

/** Splits `i2i-seedream-v4-0`, `Task Result`, `tm_text2video_b`, `generateFlowchart` into words. */
export function words(value: string): string[] {
  return value
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** `i2i-seedream-v4-0` -> `i2iSeedreamV40`; prefixed with `op` when it would start with a digit. */
export function camelCase(value: string): string {
  const parts = words(value);
  const out = parts
    .map((w, i) =>
      i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1),
    )
    .join("");
  const safe = /^[0-9]/.test(out) ? `op${out.charAt(0).toUpperCase()}${out.slice(1)}` : out;
  return RESERVED.has(safe) ? `${safe}_` : safe;
}

/** `i2iBanana` -> `I2iBanana`. */
export function pascalCase(value: string): string {
  const c = camelCase(value).replace(/_$/, "");
  return c.charAt(0).toUpperCase() + c.slice(1);
}

/** Whether a string is a plain identifier usable as an unquoted property key. */
export function isIdentifier(value: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(value);
}

/** Property key as written in source: bare when an identifier, else a JSON string. */
export function propKey(name: string): string {
  return isIdentifier(name) ? name : JSON.stringify(name);
}

/** A value as a TypeScript literal (JSON is valid TS). */
export function literal(value: unknown): string {
  return JSON.stringify(value);
}

/** A value as pretty-printed JSON whose continuation lines are indented by `indent` spaces. */
export function jsonBlock(value: unknown, indent: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${" ".repeat(indent)}`);
}
