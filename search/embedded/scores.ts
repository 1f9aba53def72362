// Per-document results of the candidate stage and the small integer key that picks the pool worth re-ranking.

/** Indexed by rid: which query slots matched (bit per slot), typos summed over slots, slots matched in the title. */
export type Scores = { mask: Uint16Array; typo: Uint8Array; title: Uint8Array };

/** Number of set bits (matched query words). */
export function popcount(x: number): number {
  let c = 0;
  while (x) {
    x &= x - 1;
    c++;
  }
  return c;
}

/** Words (more), typos (fewer), title matches (more) packed into 12 bits, higher is better. */
export function coarseKey(s: Scores, rid: number): number {
  const words = Math.min(popcount(s.mask[rid]), 15);
  const typo = Math.min(s.typo[rid], 15);
  const inTitle = Math.min(s.title[rid], 15);
  return (words << 8) | ((15 - typo) << 4) | inTitle;
}
