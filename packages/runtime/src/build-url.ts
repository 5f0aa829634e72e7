/** Join a base URL and a relative path (or pass an absolute URL through) and append query params. */
export function buildUrl(
  baseUrl: string,
  path: string,
  query?: Readonly<Record<string, string | number | boolean | undefined>>,
): string {
  let url: string;
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(path)) url = path;
  else url = `${baseUrl.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
  const params = Object.entries(query ?? {}).filter(
    (e): e is [string, string | number | boolean] => e[1] !== undefined,
  );
  if (params.length === 0) return url;
  const search = params
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join("&");
  return `${url}${url.includes("?") ? "&" : "?"}${search}`;
}
