// Meilisearch's typo rules: 0 typos up to 4 letters, 1 from 5, 2 from 9; Damerau distance (a swap is one typo);
// a typo on the first letter costs two.

/** Typos allowed for a query word of this length. */
export function maxTypos(word: string): number {
  return word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0;
}

/** Optimal-string-alignment (Damerau) distance between a and b, or limit + 1 as soon as it must exceed limit. */
export function damerau(a: string, b: string, limit: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > limit) return limit + 1;
  let prev2 = new Array<number>(lb + 1).fill(0);
  let prev = new Array<number>(lb + 1);
  let cur = new Array<number>(lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[lb];
}

/** Typos between a query word and an indexed term under Meilisearch's counting, or null when beyond the budget. */
export function typoCost(query: string, term: string): number | null {
  const budget = maxTypos(query);
  if (query === term) return 0;
  if (budget === 0) return null;
  if (query[0] === term[0]) {
    const d = damerau(query, term, budget);
    return d <= budget ? d : null;
  }
  // A first-letter typo counts as two, so only words allowed two typos may have one, and nothing else may differ.
  if (budget < 2) return null;
  return damerau(query.slice(1), term.slice(1), 0) === 0 || query.slice(1) === term || term.slice(1) === query ? 2 : null;
}
