const ABSOLUTE = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

/** Join a base URL and a relative path (or pass an absolute URL through) and append query params. */
export function buildUrl(
  baseUrl: string,
  path: string,
  query?: Readonly<Record<string, string | number | boolean | undefined>>,
): string {
  let url: string;
  if (ABSOLUTE.test(path)) url = path;
  else {
    const base = baseUrl.endsWith("/") ? baseUrl.replace(/\/+$/, "") : baseUrl;
    url = `${base}/${path.startsWith("/") ? path.replace(/^\/+/, "") : path}`;
  }
  if (!query) return url;
  let search = "";
  for (const k in query) {
    const v = query[k];
    if (v === undefined || !Object.hasOwn(query, k)) continue;
    search += `${search ? "&" : ""}${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`;
  }
  if (search === "") return url;
  return `${url}${url.includes("?") ? "&" : "?"}${search}`;
}
