// FTS5 query text for one query slot, split by typo level, and the small integer keys of the candidate stage.
import type { QuerySlot, QueryTerm } from "../polish/query";
import { stem } from "../polish/stemmer";
import type { Vocabulary } from "./vocabulary";

const quote = (w: string) => `"${w}"`;

/** A query term in FTS5 syntax: the word (as a prefix while typing) or its "_"-marked stem. */
function termExpr(t: QueryTerm): string {
  const word = t.prefix ? `${quote(t.word)}*` : quote(t.word);
  return `(${word} OR ${quote("_" + t.stem)})`;
}

/** FTS5 expressions matching a slot exactly (incl. prefix and stem), with 1 and 2 typos, and in the title table. */
export function slotExpressions(slot: QuerySlot, vocab: Vocabulary): { byTypo: [string, string, string]; title: string } {
  const byTypo: string[][] = [[], [], []];
  const titleParts: string[] = [];
  for (const alt of slot.alts) {
    byTypo[0].push("(" + alt.map(termExpr).join(" AND ") + ")");
    const titleTerms: string[] = [];
    for (const t of alt) {
      const words = [t.prefix ? `${quote(t.word)}*` : quote(t.word)];
      if (alt.length === 1 && t.typos > 0) {
        for (const [cand, d] of vocab.typoCandidates(t.word)) {
          // Forms sharing the stem (or the typed prefix) already match at typo 0: querying them again only
          // re-reads the largest doclists (all inflections of a common word).
          if (d > t.typos || (t.prefix && cand.startsWith(t.word)) || stem(cand) === t.stem) continue;
          byTypo[d].push(quote(cand));
          words.push(quote(cand));
        }
      }
      titleTerms.push(`(${words.join(" OR ")} OR ${quote("_" + t.stem)})`);
    }
    titleParts.push("(" + titleTerms.join(" AND ") + ")");
  }
  return {
    byTypo: [
      byTypo[0].join(" OR "),
      byTypo[1].length ? `(${byTypo[1].join(" OR ")})` : "",
      byTypo[2].length ? `(${byTypo[2].join(" OR ")})` : "",
    ],
    title: titleParts.join(" OR "),
  };
}

/** Number of set bits (matched query words). */
export function popcount(x: number): number {
  let c = 0;
  while (x) {
    x &= x - 1;
    c++;
  }
  return c;
}

/** Per-document results of the candidate stage, indexed by rid. */
export type Scores = { mask: Uint16Array; typo: Uint8Array; title: Uint8Array | null; slots: string[] };

/** Words (more), typos (fewer), title matches (more) packed into 12 bits, higher is better. */
export function coarseKey(s: Scores, title: Uint8Array | null, rid: number): number {
  const words = Math.min(popcount(s.mask[rid]), 15);
  const typo = Math.min(s.typo[rid], 15);
  const inTitle = title ? Math.min(title[rid], 15) : 0;
  return (words << 8) | ((15 - typo) << 4) | inTitle;
}
