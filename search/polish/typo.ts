// Meilisearch's typo rules: 0 typos up to 4 letters, 1 from 5, 2 from 9; Damerau distance (a swap is one typo);
// a typo on the first letter costs two.

/** Typos allowed for a query word of this length. */
export function maxTypos(word: string): number {
  return word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0;
}

/** 0 when equal, 1 when one edit (substitution, insertion, deletion or swap of neighbours) apart, else 2. */
export function withinOne(a: string, b: string): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (la - lb > 1 || lb - la > 1) return 2;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  const tailEq = (x: string, xi: number, y: string, yi: number) => {
    if (x.length - xi !== y.length - yi) return false;
    for (; xi < x.length; xi++, yi++) if (x.charCodeAt(xi) !== y.charCodeAt(yi)) return false;
    return true;
  };
  if (la === lb) {
    if (tailEq(a, i + 1, b, i + 1)) return 1;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && tailEq(a, i + 2, b, i + 2) ? 1 : 2;
  }
  return (la > lb ? tailEq(a, i + 1, b, i) : tailEq(a, i, b, i + 1)) ? 1 : 2;
}

let bufA = new Int32Array(64);
let bufB = new Int32Array(64);
let bufC = new Int32Array(64);

/** Optimal-string-alignment (Damerau) distance between a and b, or limit + 1 as soon as it must exceed limit. */
export function damerau(a: string, b: string, limit: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > limit) return limit + 1;
  if (limit <= 1) return Math.min(withinOne(a, b), limit + 1);
  if (lb + 1 > bufA.length) {
    bufA = new Int32Array(lb + 1);
    bufB = new Int32Array(lb + 1);
    bufC = new Int32Array(lb + 1);
  }
  let prev2 = bufA;
  let prev = bufB;
  let cur = bufC;
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
