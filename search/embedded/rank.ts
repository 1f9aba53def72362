// Fine ranking of FTS candidates with Meilisearch's rules on folded tokens: words → typo → proximity → attribute
// (title > summary > tags/city/authors > body, then position) → exactness. Words and typo come from the candidate stage.
import type { QuerySlot, TermMatch } from "../polish/query";
import { isStopword } from "../polish/stopwords";

export type Candidate = { rid: number; words: number; typo: number; title: number };
export type Ranked = Candidate & { proximity: number; attr: number; pos: number; exact: number };

const ATTR_GAP = 100_000;
/** title, summary, meta (tags, city, authors), body: the order of the attribute rule. */
const ATTRS = 4;
const MAX_PROXIMITY = 8;
const MAX_POSITIONS = 64;
const MAX_WORD_POSITION = 10;
/** Long bodies are ranked on their beginning; matches further on still count for words and typo (from FTS). */
const MAX_RANKED_TOKENS = 200;

function minDistance(a: number[], b: number[]): number {
  let best = MAX_PROXIMITY;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const d = b[j] > a[i] ? b[j] - a[i] : a[i] - b[j] + 1;
    if (d < best) best = d;
    if (best === 1) return 1;
    if (a[i] < b[j]) i++;
    else j++;
  }
  return best;
}

/** Scores candidates from their stored tokens; returns them sorted best first. */
export function fineRank(
  cands: Candidate[],
  tokens: Map<number, string>,
  slots: QuerySlot[],
  matcher: (token: string) => Array<{ slot: number } & TermMatch>,
  queryWords: string[],
): Ranked[] {
  const n = slots.length;
  const fullQuery = queryWords.filter((w) => !isStopword(w)).join(" ");
  const ranked = cands.map((c): Ranked => {
    const positions: number[][] = Array.from({ length: n }, () => []);
    const bestAttr = new Array<number>(n).fill(ATTRS);
    const firstPos = new Array<number>(n).fill(MAX_WORD_POSITION);
    const exact = new Array<boolean>(n).fill(false);
    const parts = (tokens.get(c.rid) ?? "").split("\n");
    let titleExact = 0;
    for (let a = 0; a < ATTRS; a++) {
      let words = parts[a] ? parts[a].split(" ") : [];
      if (words.length > MAX_RANKED_TOKENS) words = words.slice(0, MAX_RANKED_TOKENS);
      if (a === 0 && fullQuery && words.filter((w) => !isStopword(w)).join(" ") === fullQuery) titleExact = n + 1;
      for (let p = 0; p < words.length; p++) {
        for (const m of matcher(words[p])) {
          const list = positions[m.slot];
          if (list.length < MAX_POSITIONS) list.push(a * ATTR_GAP + p);
          if (a < bestAttr[m.slot]) {
            bestAttr[m.slot] = a;
            firstPos[m.slot] = Math.min(p, MAX_WORD_POSITION);
          }
          if (m.exact) exact[m.slot] = true;
        }
      }
    }
    let proximity = 0;
    let prev = -1;
    let attr = 0;
    let pos = 0;
    for (let s = 0; s < n; s++) {
      if (positions[s].length === 0) continue;
      if (prev >= 0) proximity += minDistance(positions[prev], positions[s]);
      prev = s;
      attr += bestAttr[s];
      pos += firstPos[s];
    }
    return { ...c, proximity, attr, pos, exact: exact.filter(Boolean).length + titleExact };
  });
  ranked.sort(compareRanked);
  return ranked;
}

/** Meilisearch rule order as a comparator. */
export function compareRanked(a: Ranked, b: Ranked): number {
  return (
    b.words - a.words ||
    a.typo - b.typo ||
    a.proximity - b.proximity ||
    a.attr - b.attr ||
    b.exact - a.exact ||
    a.pos - b.pos ||
    a.rid - b.rid
  );
}
