/**
 * Edit distance (Levenshtein: insertions, deletions, substitutions; a swap of two neighbours
 * counts once, as in Damerau). Hand-written: 20 lines for short names beat a dependency in a CLI
 * that must install small.
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...Array<number>(b.length).fill(0),
  ]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidates closest to `wanted` ("did you mean"): those containing it or contained in it,
 * then those within an edit distance of a third of its length (at least 2), nearest first.
 * `normalise` maps both sides before comparing (case, separators).
 */
export function closestNames(
  wanted: string,
  candidates: readonly string[],
  normalise: (name: string) => string = (n) => n.toLowerCase(),
  max = 5,
): string[] {
  const key = normalise(wanted);
  const limit = Math.max(2, Math.floor(key.length / 3));
  const scored: Array<[string, number]> = [];
  for (const name of new Set(candidates)) {
    const n = normalise(name);
    const distance = n.includes(key) || key.includes(n) ? 0 : editDistance(key, n);
    if (distance <= limit) scored.push([name, distance]);
  }
  return scored
    .sort((x, y) => x[1] - y[1])
    .slice(0, max)
    .map(([name]) => name);
}
