/** How one query parameter is serialised (OpenAPI `style` + `explode`). */
export type QueryStyle = "form" | "formNoExplode" | "spaceDelimited" | "pipeDelimited" | "deepObject";

const enc = encodeURIComponent;

function scalar(value: unknown): string {
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/**
 * One query parameter as `name=value` pairs joined by `&`, per OpenAPI 3 serialisation: `form`
 * (explode: `a=1&a=2`, object `k=v&k2=v2`), `formNoExplode` (`a=1,2`, object `a=k,v,k2,v2`),
 * `spaceDelimited` (`a=1%202`), `pipeDelimited` (`a=1|2`), `deepObject` (`a[k]=v`). Scalars are
 * `name=value` in every style; names and values are percent-encoded, delimiters are not.
 */
export function encodeQueryParam(name: string, value: unknown, style: QueryStyle = "form"): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) {
    const items = value.filter((v) => v !== undefined && v !== null).map((v) => enc(scalar(v)));
    if (style === "form" || style === "deepObject") return items.map((v) => `${enc(name)}=${v}`).join("&");
    const joiner = style === "spaceDelimited" ? "%20" : style === "pipeDelimited" ? "|" : ",";
    return `${enc(name)}=${items.join(joiner)}`;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(
      ([, v]) => v !== undefined && v !== null,
    );
    if (style === "deepObject")
      return entries.map(([k, v]) => `${enc(name)}[${enc(k)}]=${enc(scalar(v))}`).join("&");
    if (style === "form") return entries.map(([k, v]) => `${enc(k)}=${enc(scalar(v))}`).join("&");
    return `${enc(name)}=${entries.map(([k, v]) => `${enc(k)},${enc(scalar(v))}`).join(",")}`;
  }
  return `${enc(name)}=${enc(String(value))}`;
}

/** The query string (no `?`) of `fields` in order, each with its style (`form` by default). */
export function encodeQuery(
  given: Readonly<Record<string, unknown>>,
  fields: readonly string[],
  styles: Readonly<Record<string, QueryStyle>>,
): string {
  return fields
    .filter((name) => Object.hasOwn(given, name))
    .map((name) => encodeQueryParam(name, given[name], styles[name]))
    .filter(Boolean)
    .join("&");
}
