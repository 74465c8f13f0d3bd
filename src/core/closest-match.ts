// "Did you mean ...?" for a mistyped command or option: the candidate nearest by edit distance,
// when it is near enough to be a typo rather than another word.

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbouring characters each cost 1, so `relase` -> `release` and `--trusted-kye` ->
 * `--trusted-key` are both 1 (a swap is the most common typo; plain Levenshtein counts it as 2).
 */
export function editDistance(a: string, b: string): number {
  // rows[i][j]: distance between the first i characters of a and the first j of b.
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const above = rows[i - 1]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/**
 * The candidate closest to `given`, or undefined when none is within a third of its length (at
 * least 1): `frobnicate` suggests nothing rather than a random command. Ties go to the earlier
 * candidate, so the order of the command table decides.
 */
export function closestMatch(given: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(given.length / 3));
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    if (candidate === given) continue;
    const distance = editDistance(given.toLowerCase(), candidate.toLowerCase());
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

/** `; did you mean 'x'?` for an error message, or nothing when no candidate is close. */
export function didYouMean(given: string, candidates: Iterable<string>): string {
  const match = closestMatch(given, candidates);
  return match === undefined ? '' : `; did you mean '${match}'?`;
}
