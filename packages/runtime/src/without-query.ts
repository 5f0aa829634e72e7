/** `url` up to its query or fragment (which may carry secrets): what errors, hooks and timeouts name. */
export function withoutQuery(url: string): string {
  const q = url.indexOf("?");
  const h = url.indexOf("#");
  const cut = q === -1 ? h : h === -1 ? q : Math.min(q, h);
  return cut === -1 ? url : url.slice(0, cut);
}
