/** A compiled `{param}` path template. */
export interface PathPattern {
  regex: RegExp;
  params: string[];
}

/** Compiles `/generation/result/{task_id}` into a matcher (trailing slash tolerated). */
export function compilePath(path: string): PathPattern {
  const params: string[] = [];
  const source = path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const m = /^\{([^}]+)\}$/.exec(part);
      if (!m) return part.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
      params.push(m[1]!);
      return "([^/]+)";
    })
    .join("");
  return { regex: new RegExp(`^${source}/?$`), params };
}

/** Matches a path against a compiled template; returns the decoded parameters or `undefined`. */
export function matchPath(pattern: PathPattern, path: string): Record<string, string> | undefined {
  const m = pattern.regex.exec(path);
  if (!m) return undefined;
  const out: Record<string, string> = {};
  pattern.params.forEach((name, i) => {
    out[name] = decodeURIComponent(m[i + 1] ?? "");
  });
  return out;
}
