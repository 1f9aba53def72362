// Fine ranking of candidates with Meilisearch's rules on their token streams: words → typo → proximity → attribute
// (title > summary > tags/city/authors > body, then position) → exactness. Words and typo come from the candidate stage.
import { isStopword } from "../polish/stopwords.js";
import type { PostingIndex } from "./postings.js";
import type { SlotTerms } from "./slot-terms.js";
import { ATTR_BREAK } from "./token-streams.js";

export type Candidate = { rid: number; words: number; typo: number; title: number };
export type Ranked = Candidate & { proximity: number; attr: number; pos: number; exact: number };
export type SlotMatch = { slot: number; typo: number; exact: boolean };

const ATTR_GAP = 100_000;
/** title, summary, meta (tags, city, authors), body: the order of the attribute rule. */
const ATTRS = 4;
const MAX_PROXIMITY = 8;
const MAX_POSITIONS = 64;
const MAX_WORD_POSITION = 10;

/**
 * Which query slots a token (term id) satisfies, with typos and exactness: `table[id]` is 0 for a term that matches
 * nothing, else 1 + the index of its matches in `lists`. A typed array rather than a map because re-ranking looks up
 * every token of every pooled document (thousands per query); the words a half-typed word starts (possibly
 * thousands) are entered too. The table is reused between queries: release() clears what this query set.
 */
export type IdMatcher = {
  table: Int32Array;
  lists: SlotMatch[][];
  /** The listed matching words, and the words being typed (any token starting one matches): for highlighting. */
  words: Set<string>;
  prefixes: string[];
  release(): void;
};

// The per-term array behind IdMatcher, reused between queries like the other scratch arrays (a search runs
// synchronously from idMatcher to release, so queries never share it).
let matchTable = new Int32Array(0);

export function idMatcher(terms: SlotTerms[], index: PostingIndex): IdMatcher {
  const byId = new Map<number, SlotMatch[]>();
  const put = (id: number, slot: number, typo: number, exact: boolean) => {
    let list = byId.get(id);
    if (!list) byId.set(id, (list = []));
    const m = list.find((x) => x.slot === slot);
    if (!m) list.push({ slot, typo, exact });
    else if (typo < m.typo || (typo === m.typo && exact && !m.exact)) Object.assign(m, { typo, exact });
  };
  const prefixes: string[] = [];
  terms.forEach((t, slot) => {
    for (const id of t.zero) {
      if (t.expanded.has(id)) continue;
      if (index.term(id)[0] !== "_") put(id, slot, 0, t.exact.has(id));
      else for (const word of index.wordsOfStem(id)) put(word, slot, 0, t.exact.has(word));
    }
    for (const d of [1, 2]) for (const id of t.byTypo[d]) put(id, slot, d, false);
    prefixes.push(...t.prefixes);
  });
  // Highlighting lists the words themselves; words being typed are recognised by their prefix.
  const words = new Set<string>();
  for (const id of byId.keys()) words.add(index.term(id));
  if (matchTable.length < index.termCount) matchTable = new Int32Array(Math.max(index.termCount, matchTable.length * 2));
  const table = matchTable;
  const lists: SlotMatch[][] = [];
  const set: number[] = [];
  for (const [id, list] of byId) {
    table[id] = lists.push(list);
    set.push(id);
  }
  // Words a half-typed word starts (often thousands) share one list per slot unless they already match another way.
  terms.forEach((t, slot) => {
    if (t.expanded.size === 0) return;
    const match: SlotMatch = { slot, typo: 0, exact: false };
    const only = lists.push([match]);
    for (const id of t.expanded) {
      const at = table[id];
      if (at === 0) {
        table[id] = only;
        set.push(id);
      } else if (!lists[at - 1].some((m) => m.slot === slot)) table[id] = lists.push([...lists[at - 1], match]);
    }
  });
  return {
    table,
    lists,
    words,
    prefixes,
    release: () => {
      for (const id of set) table[id] = 0;
    },
  };
}

/** Whether a token of a hit's text is highlighted. */
export function highlights(matcher: Pick<IdMatcher, "words" | "prefixes">): (token: string) => boolean {
  const { words, prefixes } = matcher;
  return (token) => words.has(token) || prefixes.some((p) => token.startsWith(p));
}

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

/** The query's meaningful words as term ids, to recognise a title equal to the whole query; null if it cannot be. */
export function queryTitleIds(words: string[], index: PostingIndex): number[] | null {
  const ids: number[] = [];
  for (const w of words) {
    if (isStopword(w)) continue;
    const id = index.termId(w);
    if (id === undefined) return null;
    ids.push(id);
  }
  return ids.length ? ids : null;
}

/** Scores candidates from their token streams; returns them sorted best first. */
export function fineRank(
  cands: Ranked[],
  stream: (rid: number) => Int32Array | undefined,
  slotCount: number,
  matcher: Pick<IdMatcher, "table" | "lists">,
  titleIds: number[] | null,
  isStopId: (id: number) => boolean,
): Ranked[] {
  const n = slotCount;
  const { table, lists } = matcher;
  const ranked = cands.map((r): Ranked => {
    const positions: number[][] = Array.from({ length: n }, () => []);
    const bestAttr = new Array<number>(n).fill(ATTRS);
    const firstPos = new Array<number>(n).fill(MAX_WORD_POSITION);
    const exact = new Array<boolean>(n).fill(false);
    const ids = stream(r.rid) ?? new Int32Array(0);
    let a = 0;
    let p = 0;
    let titleMatch = titleIds !== null;
    let titleWord = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (id === ATTR_BREAK) {
        a++;
        p = 0;
        continue;
      }
      if (a === 0 && titleMatch && !isStopId(id)) titleMatch = titleWord < titleIds!.length && titleIds![titleWord++] === id;
      const found = table[id];
      if (found === 0) {
        p++;
        continue;
      }
      const matches = lists[found - 1];
      for (let k = 0; k < matches.length; k++) {
        const m = matches[k];
        const list = positions[m.slot];
        if (list.length < MAX_POSITIONS) list.push(a * ATTR_GAP + p);
        if (a < bestAttr[m.slot]) {
          bestAttr[m.slot] = a;
          firstPos[m.slot] = Math.min(p, MAX_WORD_POSITION);
        }
        if (m.exact) exact[m.slot] = true;
      }
      p++;
    }
    const titleExact = titleMatch && titleWord === titleIds!.length ? n + 1 : 0;
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
    let exactCount = titleExact;
    for (let s = 0; s < n; s++) if (exact[s]) exactCount++;
    r.proximity = proximity;
    r.attr = attr;
    r.pos = pos;
    r.exact = exactCount;
    return r;
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
