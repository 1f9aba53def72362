// The candidate stage of a query: one pass over the postings of every term that satisfies a query slot fills, per
// document, the slots matched (bitmask), the typos spent and the slots matched in the title. The per-document
// arrays are allocated once and reused (searches run one at a time); only touched entries are cleared afterwards.
import { ATTR_BITS, POSTING_SHIFT, type PostingIndex } from "./postings.js";
import type { Scores } from "./scores.js";
import type { SlotTerms } from "./slot-terms.js";

type Slice = [ArrayLike<number>, number, number];

export class CandidateScratch implements Scores {
  mask = new Uint16Array(0);
  typo = new Uint8Array(0);
  title = new Uint8Array(0);
  /** Per document: slots already counted in `title`. */
  inTitle = new Uint16Array(0);
  /** Documents touched by the current query, in the order met. */
  touched = new Int32Array(0);
  /** Room for a filtered copy of a document list. */
  kept = new Int32Array(0);

  /** Grows every array to hold `size` documents (a fresh set: contents are not kept). */
  fit(size: number): this {
    if (this.mask.length >= size) return this;
    this.mask = new Uint16Array(size);
    this.typo = new Uint8Array(size);
    this.title = new Uint8Array(size);
    this.inTitle = new Uint16Array(size);
    this.touched = new Int32Array(size);
    this.kept = new Int32Array(size);
    return this;
  }

  /** Clears the entries a query touched. */
  reset(touched: Int32Array): void {
    const { mask, typo, title, inTitle } = this;
    if (touched.length > mask.length / 8) {
      // Most documents were touched: clearing whole arrays is cheaper than visiting each.
      for (const a of [mask, typo, title, inTitle]) a.fill(0);
      return;
    }
    for (let i = 0; i < touched.length; i++) {
      const rid = touched[i];
      mask[rid] = 0;
      typo[rid] = 0;
      title[rid] = 0;
      inTitle[rid] = 0;
    }
  }
}

/** Documents matching at least one slot (a view of scratch.touched), with their scores filled in scratch. */
export function findCandidates(terms: SlotTerms[], index: PostingIndex, scratch: CandidateScratch): Int32Array {
  const { mask, typo, title, inTitle, touched: out } = scratch;
  let n = 0;
  const live = index.live;
  terms.forEach(({ byTypo, phrases }, s) => {
    const bit = 1 << s;
    for (let level = 0; level < byTypo.length; level++) {
      // Synonym phrases match at typo 0, as postings built on the spot.
      const slices: Slice[] = level === 0 ? phrases.map((words) => phrasePostings(words, index)) : [];
      for (const term of byTypo[level]) slices.push(...index.slices(term));
      for (const [list, from, to] of slices) {
        // Written out rather than a callback: this loop runs once per posting, up to hundreds of thousands of times
        // per query.
        for (let i = from; i < to; i++) {
          const p = list[i];
          const rid = p >>> POSTING_SHIFT;
          if (!live[rid]) continue;
          const m = mask[rid];
          if (!(m & bit)) {
            if (m === 0) out[n++] = rid;
            mask[rid] = m | bit;
            typo[rid] += level;
          }
          if (p & ATTR_BITS.title && !(inTitle[rid] & bit)) {
            inTitle[rid] |= bit;
            title[rid]++;
          }
        }
      }
    }
  });
  return out.subarray(0, n);
}

/** Documents holding every word of a phrase (each word through any of its terms); title only if all are there. */
function phrasePostings(words: number[][], index: PostingIndex): Slice {
  const size = (terms: number[]) => terms.reduce((n, t) => n + index.size(t), 0);
  const ordered = [...words].sort((a, b) => size(a) - size(b));
  let found: Map<number, number> | null = null;
  for (const terms of ordered) {
    const next = new Map<number, number>();
    const prev: Map<number, number> | null = found;
    for (const term of terms) {
      index.scan(term, (rid, bits) => {
        if (prev && !prev.has(rid)) return;
        next.set(rid, (next.get(rid) ?? 0) | bits);
      });
    }
    if (prev) for (const [rid, bits] of next) next.set(rid, bits & prev.get(rid)!);
    found = next;
    if (found.size === 0) break;
  }
  const postings = Int32Array.from(found?.entries() ?? [], ([rid, bits]) => (rid << POSTING_SHIFT) | bits);
  return [postings, 0, postings.length];
}
