// Per-document results of the candidate stage and the small integer key that picks the pool worth re-ranking.

/** Indexed by rid: which query slots matched (bit per slot), typos summed over slots, slots matched in the title. */
export type Scores = { mask: Uint16Array; typo: Uint8Array; title: Uint8Array };

/** Set bits of every 16-bit mask: the key below is computed for every match of a query (up to all documents). */
const BITS = new Uint8Array(1 << 16);
for (let m = 1; m < BITS.length; m++) BITS[m] = BITS[m >> 1] + (m & 1);

/** Number of set bits (matched query words) of a slot mask. */
export function popcount(mask: number): number {
  return BITS[mask];
}

/** Words (more), typos (fewer), title matches (more) packed into 12 bits, higher is better. */
export function coarseKey(s: Scores, rid: number): number {
  const words = BITS[s.mask[rid]];
  const typo = s.typo[rid];
  const inTitle = s.title[rid];
  return ((words < 15 ? words : 15) << 8) | ((typo < 15 ? 15 - typo : 0) << 4) | (inTitle < 15 ? inTitle : 15);
}
