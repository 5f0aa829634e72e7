/** The parts of a cURL example that define the request. */
export interface CurlRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** Parses the vendor's cURL examples (`--request`, `--url`, `--header '...'`, `--data '...'`). */
export function parseCurl(text: string): CurlRequest {
  const flat = text.replace(/\\\n/g, " ").replace(/\\\s*$/gm, " ");
  const method = /--request\s+([A-Z]+)/.exec(flat)?.[1] ?? "GET";
  const url = /--url\s+(\S+)/.exec(flat)?.[1] ?? "";
  const headers: Record<string, string> = {};
  for (const m of flat.matchAll(/--header\s+'([^:']+):\s*([^']*)'/g))
    headers[(m[1] as string).toLowerCase()] = m[2] as string;
  const data = /--data(?:-raw)?\s+'([\s\S]*?)'/.exec(flat)?.[1];
  return { method, url, headers, body: data === undefined ? undefined : JSON.parse(data) };
}
