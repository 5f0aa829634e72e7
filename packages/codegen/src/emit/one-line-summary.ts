/** Longest {@link oneLineSummary}. */
export const SUMMARY_MAX = 120;

/**
 * One line about an operation for listings without the model: the catalog's summary, else the
 * description's first sentence; whitespace collapsed, cut at a word to at most 120 characters.
 * A summary that only restates the operation's `name` ("Wan 2.6 API Documentation" for
 * "Wan 2.6 (Text To Video)"), or is a documentation page's heading ("User Credits API
 * Documentation"), gives way to the description's first sentence when there is one.
 */
export function oneLineSummary(summary?: string, description?: string, name?: string): string | undefined {
  const title = clean(summary);
  const sentence = firstSentence(clean(description));
  const bare = (name ?? "")
    .replace(/\s*\([^)]*\)/g, "")
    .trim()
    .toLowerCase();
  const restatesName = bare !== "" && title.toLowerCase().startsWith(bare);
  const heading = /\b(documentation|docs|reference)$/i.test(title);
  const text = ((restatesName || heading) && sentence) || title || sentence;
  if (!text) return undefined;
  if (text.length <= SUMMARY_MAX) return text;
  const cut = text.slice(0, SUMMARY_MAX - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > SUMMARY_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

function clean(text: string | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

function firstSentence(text: string): string {
  const end = text.search(/[.!?](\s|$)|[。！？]/);
  return end === -1 ? text : text.slice(0, end + 1);
}
