/** Semver bump of one model change (changesets' vocabulary). */
export type Bump = "patch" | "minor" | "major";

/** One difference between two models, in plain words, with the bump it needs. */
export interface ModelChange {
  bump: Bump;
  /** Stable machine-readable kind (`operation-removed`, `enum-narrowed`...). */
  kind: string;
  /** The operation's id when the change is inside one. */
  operation?: string;
  /** One sentence for the changelog (Markdown, no trailing period). */
  message: string;
}

const RANK: Record<Bump, number> = { patch: 0, minor: 1, major: 2 };

/** The highest bump of a list of changes (`undefined` when there are none). */
export function highestBump(changes: readonly ModelChange[]): Bump | undefined {
  let best: Bump | undefined;
  for (const c of changes) if (!best || RANK[c.bump] > RANK[best]) best = c.bump;
  return best;
}

/** Orders changes major first, then by message (deterministic output). */
export function sortChanges(changes: readonly ModelChange[]): ModelChange[] {
  return [...changes].sort((a, b) => RANK[b.bump] - RANK[a.bump] || a.message.localeCompare(b.message));
}
