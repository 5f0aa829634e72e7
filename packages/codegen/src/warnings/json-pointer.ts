import type { DiagnosticLocation } from "@gen/spec";

const METHOD_ENTRY = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\/\S*)/;

function escapeToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Splits a dotted field (`parameters[0].schema`, `responses.200`) into pointer tokens. */
function tokens(field: string): string[] {
  return field
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .filter(Boolean);
}

/**
 * The JSON pointer (`#/paths/~1v1~1x/post/requestBody`) of a diagnostic's entry and field, for
 * OpenAPI entries (`POST /v1/x`, `(root)`, `components.schemas.X`); other entries (an overlay's
 * `#/actions/0`, a catalog's `[3] Name`) are shown as they are.
 */
export function jsonPointer(d: DiagnosticLocation): string {
  const entry = d.entry ?? "";
  const field = d.field ?? "";
  if (entry.startsWith("#")) return entry;
  const op = METHOD_ENTRY.exec(entry);
  let base: string[] | undefined;
  if (op) base = ["paths", op[2] as string, (op[1] as string).toLowerCase()];
  else if (entry === "(root)" || entry === "") base = [];
  else if (entry.startsWith("components.")) base = tokens(entry);
  if (!base) return [entry, field].filter(Boolean).join(" > ");
  // Fields that repeat the operation's own location (`paths./x.post.parameters`) are made relative.
  const own = op ? `paths.${op[2]}.${(op[1] as string).toLowerCase()}.` : undefined;
  const rest = own && field.startsWith(own) ? field.slice(own.length) : field;
  return `#/${[...base, ...tokens(rest)].map(escapeToken).join("/")}`;
}
