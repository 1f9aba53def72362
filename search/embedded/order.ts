// Orders a query's matches: by the requested sort (date, title), or by relevance, where a coarse key over all
// matches picks the small pool worth re-ranking with every rule (rank.ts).
import { isStopword } from "../polish/stopwords.js";
import type { SortSpec } from "../shared/request.js";
import type { DocAttrs } from "./documents.js";
import type { PostingIndex } from "./postings.js";
import { fineRank, queryTitleIds, type IdMatcher, type Ranked } from "./rank.js";
import { coarseKey, popcount, type Scores } from "./scores.js";
import type { TokenStreams } from "./token-streams.js";

/** Candidates re-ranked in full at least (more when a later page is asked for). */
const MIN_FINE = 20;
/** Upper bound of candidates re-ranked in full when many tie on words/typo/title. */
const MAX_FINE = 32;

// Reused between queries (searches run one at a time): allocating them per query showed up as GC time.
let keys = new Uint16Array(0);
const histogram = new Int32Array(1 << 12);

/** Sort by date or title first, then relevance (when there is a query), then insertion. */
export function compareBySort(sort: SortSpec[], attrs: (DocAttrs | undefined)[], scores: Scores | null) {
  return (a: number, b: number): number => {
    for (const s of sort) {
      const x = s.field === "date" ? attrs[a]!.date : attrs[a]!.titleKey;
      const y = s.field === "date" ? attrs[b]!.date : attrs[b]!.titleKey;
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      return x < y ? -s.dir : s.dir;
    }
    return (scores ? coarseKey(scores, b) - coarseKey(scores, a) : 0) || a - b;
  };
}

/** The first `needed` matches in relevance order (the pool re-ranked, the rest by coarse key if more are needed). */
export function rankMatches(
  rids: Int32Array,
  scores: Scores,
  ctx: { index: PostingIndex; streams: TokenStreams; slotCount: number; matcher: IdMatcher; words: string[] },
  needed: number
): number[] {
  if (rids.length === 0) return [];
  const want = Math.max(needed, MIN_FINE);
  let pool: number[];
  let rest: number[] = [];
  if (rids.length > want) {
    // Pick the pool by a histogram over the small integer coarse key: no sort of all matches.
    if (keys.length < rids.length) keys = new Uint16Array(Math.max(rids.length, keys.length * 2));
    histogram.fill(0);
    for (let i = 0; i < rids.length; i++) histogram[(keys[i] = coarseKey(scores, rids[i]))]++;
    let threshold = histogram.length - 1;
    for (let seen = 0; threshold > 0; threshold--) if ((seen += histogram[threshold]) >= want) break;
    const cap = Math.max(want, MAX_FINE);
    pool = [];
    for (let i = 0; i < rids.length; i++) if (keys[i] > threshold) pool.push(rids[i]);
    for (let i = 0; i < rids.length && pool.length < cap; i++) if (keys[i] === threshold) pool.push(rids[i]);
    if (needed > pool.length) {
      const inPool = new Set(pool);
      const key = (rid: number) => coarseKey(scores, rid);
      rest = Array.from(rids)
        .filter((rid) => !inPool.has(rid))
        .sort((a, b) => key(b) - key(a) || a - b);
    }
  } else pool = Array.from(rids);
  // Every field present from the start: fineRank fills the rest in place.
  const cands: Ranked[] = pool.map((rid) => ({
    rid,
    words: popcount(scores.mask[rid]),
    typo: scores.typo[rid],
    title: scores.title[rid],
    proximity: 0,
    attr: 0,
    pos: 0,
    exact: 0,
  }));
  const { index, streams, slotCount, matcher, words } = ctx;
  const isStopId = (id: number) => id >= 0 && isStopword(index.term(id));
  const ranked = fineRank(
    cands,
    (rid) => streams.get(rid),
    slotCount,
    matcher,
    queryTitleIds(words, index),
    isStopId
  );
  return [...ranked.map((c) => c.rid), ...rest];
}
