// Turns a query string into slots: one per query word (or per synonym phrase found in the query), each with the
// alternative term sequences that satisfy it. Both adapters rank by how many slots a document matches.
import { fold, tokenize } from "./normalize.js";
import { stem } from "./stemmer.js";
import { isStopword } from "./stopwords.js";
import { maxTypos, typoCost } from "./typo.js";

export type QueryTerm = {
  word: string;
  stem: string;
  /** Typos allowed (0 for words coming from a synonym). */
  typos: number;
  /** The last word of a query still being typed matches as a prefix. */
  prefix: boolean;
};
/** All terms of an alternative must match (a phrase); a single-term alternative is the usual case. */
export type QueryAlt = QueryTerm[];
export type QuerySlot = { text: string; alts: QueryAlt[] };
export type ParsedQuery = { slots: QuerySlot[]; words: string[] };

export type SynonymIndex = { byStems: Map<string, string[][]>; maxLen: number };

const MAX_SLOTS = 10;

/** Prepares synonym groups for lookup by stem sequence, so inflected forms of a phrase also trigger them. */
export function compileSynonyms(groups: string[][]): SynonymIndex {
  const byStems = new Map<string, string[][]>();
  let maxLen = 1;
  for (const group of groups) {
    const phrases = group.map((p) => tokenize(p)).filter((t) => t.length > 0);
    for (const phrase of phrases) {
      const key = phrase.map(stem).join(" ");
      const others = phrases.filter((p) => p !== phrase);
      byStems.set(key, [...(byStems.get(key) ?? []), ...others]);
      maxLen = Math.max(maxLen, phrase.length);
    }
  }
  return { byStems, maxLen };
}

function term(word: string, typos: boolean, prefix: boolean): QueryTerm {
  return { word, stem: stem(word), typos: typos ? maxTypos(word) : 0, prefix };
}

/** Parses a query; an empty slot list means a placeholder search (all documents). */
export function parseQuery(q: string, synonyms: SynonymIndex): ParsedQuery {
  const tokens = tokenize(q);
  const typing = /[\p{L}\p{N}]$/u.test(q);
  const stems = tokens.map(stem);
  const meaningful = tokens.filter((t) => !isStopword(t));
  const dropStopwords = meaningful.length > 0;
  const slots: QuerySlot[] = [];
  let i = 0;
  while (i < tokens.length && slots.length < MAX_SLOTS) {
    let matched = 0;
    for (let len = Math.min(synonyms.maxLen, tokens.length - i); len >= 1 && !matched; len--) {
      const others = synonyms.byStems.get(stems.slice(i, i + len).join(" "));
      if (!others) continue;
      const own = tokens.slice(i, i + len);
      const isLast = i + len === tokens.length;
      const alts: QueryAlt[] = [own.map((w, k) => term(w, true, typing && isLast && k === own.length - 1))];
      for (const phrase of others) alts.push(phrase.map((w) => term(w, false, false)));
      slots.push({ text: own.join(" "), alts });
      matched = len;
    }
    if (matched) {
      i += matched;
      continue;
    }
    const word = tokens[i];
    if (!(dropStopwords && isStopword(word))) {
      slots.push({ text: word, alts: [[term(word, true, typing && i === tokens.length - 1)]] });
    }
    i++;
  }
  return { slots, words: tokens };
}

export type TermMatch = { typo: number; exact: boolean };

/** Known typo neighbours of a word (term → typos), e.g. from an index vocabulary; null to compute per token. */
export type TypoLookup = ((word: string) => Map<string, number>) | null;

/** How a folded document token matches a query term, or null. */
export function matchTerm(t: QueryTerm, token: string, typoLookup: TypoLookup = null): TermMatch | null {
  if (token === t.word) return { typo: 0, exact: true };
  if (t.prefix && token.startsWith(t.word)) return { typo: 0, exact: false };
  if (token.startsWith(t.stem) && stem(token) === t.stem) return { typo: 0, exact: false };
  if (t.typos > 0) {
    const cost = typoLookup ? (typoLookup(t.word).get(token) ?? null) : typoCost(t.word, token);
    if (cost !== null && cost <= t.typos) return { typo: cost, exact: false };
  }
  return null;
}

/** A memoised token matcher: which slots a token satisfies (any term of any alternative). */
export function slotMatcher(
  slots: QuerySlot[],
  typoLookup: TypoLookup = null,
): (token: string) => Array<{ slot: number } & TermMatch> {
  const memo = new Map<string, Array<{ slot: number } & TermMatch>>();
  return (token) => {
    const hit = memo.get(token);
    if (hit) return hit;
    const out: Array<{ slot: number } & TermMatch> = [];
    slots.forEach((s, slot) => {
      let best: TermMatch | null = null;
      for (const alt of s.alts) {
        for (const t of alt) {
          const m = matchTerm(t, token, typoLookup);
          if (m && (!best || m.typo < best.typo || (m.typo === best.typo && m.exact && !best.exact))) best = m;
        }
      }
      if (best) out.push({ slot, ...best });
    });
    memo.set(token, out);
    return out;
  };
}

/** Folds a free-text value the way document tokens are folded (used for sort keys). */
export function sortKey(text: string): string {
  return fold(text).trim();
}
