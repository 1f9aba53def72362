// Which indexed terms satisfy one query slot, split by typo level: the word itself (every indexed word it starts,
// while it is being typed) or its stem at level 0, vocabulary neighbours within the typo budget at levels 1 and 2.
// A multi-word alternative (a synonym phrase) needs every one of its words: it is kept apart for intersection.
import type { QuerySlot, QueryTerm } from "../polish/query.js";
import type { PostingIndex } from "./postings.js";
import type { Vocabulary } from "./vocabulary.js";

export type SlotTerms = {
  /** Term ids per typo level (0, 1, 2) of the single-word alternatives. */
  byTypo: [Set<number>, Set<number>, Set<number>];
  /** Multi-word alternatives: per word, the term ids that satisfy it at typo 0. */
  phrases: number[][][];
  /** Every term id matching at typo 0, phrases included (a word also matches through its stem's id). */
  zero: Set<number>;
  /** Ids of the query's own words: a token equal to one of them is an exact match. */
  exact: Set<number>;
  /** Ids in `zero` only because a word being typed starts them (matched by prefix when ranking, not listed). */
  expanded: Set<number>;
  /** The words being typed. */
  prefixes: string[];
};

/** Term ids matching a query term without typos: the word (or the words it starts) and its stem. */
// The stem's postings are the union of those of every word with that stem, so a word sharing the query word's stem
// (the word itself included) is never scanned on its own: its documents are already among the stem's.
function exactTerms(t: QueryTerm, vocab: Vocabulary, index: PostingIndex, into: Set<number>, out: SlotTerms): void {
  const { exact, expanded, prefixes } = out;
  const own = index.termId(t.word);
  const stemId = index.termId("_" + t.stem);
  if (stemId !== undefined) into.add(stemId);
  else if (own !== undefined) into.add(own);
  if (t.prefix) {
    prefixes.push(t.word);
    for (const id of vocab.withPrefix(t.word)) {
      if (id === own || (stemId !== undefined && index.stemId(id) === stemId)) continue;
      into.add(id);
      expanded.add(id);
    }
  }
  if (own !== undefined) exact.add(own);
}

export function slotTerms(slot: QuerySlot, vocab: Vocabulary, index: PostingIndex): SlotTerms {
  const byTypo: SlotTerms["byTypo"] = [new Set(), new Set(), new Set()];
  const phrases: number[][][] = [];
  const zero = new Set<number>();
  const out: SlotTerms = { byTypo, phrases, zero, exact: new Set(), expanded: new Set(), prefixes: [] };
  for (const alt of slot.alts) {
    if (alt.length > 1) {
      phrases.push(
        alt.map((t) => {
          const ids = new Set<number>();
          exactTerms(t, vocab, index, ids, out);
          for (const id of ids) zero.add(id);
          return [...ids];
        }),
      );
      continue;
    }
    const t = alt[0];
    exactTerms(t, vocab, index, byTypo[0], out);
    if (t.typos === 0) continue;
    const stemId = index.termId("_" + t.stem);
    for (const [id, d] of vocab.typoCandidates(t.word)) {
      // Forms sharing the stem (or the typed prefix) already match at typo 0.
      if (d > t.typos || byTypo[0].has(id) || (stemId !== undefined && index.stemId(id) === stemId)) continue;
      byTypo[d].add(id);
    }
  }
  for (const id of byTypo[0]) zero.add(id);
  return out;
}
