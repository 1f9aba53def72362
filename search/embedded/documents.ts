// How a SearchDocument is laid out in the embedded store: folded tokens per attribute (for re-ranking), its distinct
// words with the attributes they occur in (for the in-memory postings), and the small record of filterable and
// sortable values kept in memory.
import type { FilterValues } from "../shared/filter.js";
import type { SearchDocument } from "../types.js";
import { tokenize } from "../polish/normalize.js";
import { sortKey } from "../polish/query.js";
import { ATTR_BITS } from "./postings.js";

/** Body tokens beyond this are not indexed (keeps indexing bounded on very long texts). */
export const MAX_BODY_TOKENS = 3000;
/** Long bodies are re-ranked on their beginning; matches further on still count for words and typo. */
export const MAX_RANKED_TOKENS = 200;

export type DocAttrs = FilterValues & { id: string; date: string | null; titleKey: string };

export type DocRows = {
  attrs: DocAttrs;
  /** The document but its body, as JSON: what a hit carries. */
  data: string;
  /** Folded tokens of title, summary, meta and the beginning of the body: what re-ranking reads. */
  ranked: string[][];
  /** `ranked` as stored: one line per attribute. */
  tok: string;
  /** Distinct words with their attribute bits. */
  words: Array<[string, number]>;
  /** `words` as stored: each word prefixed by one character carrying its bits. */
  terms: string;
};

/** Splits a document into what the store and the in-memory tables need. */
export function docRows(doc: SearchDocument): DocRows {
  const title = tokenize(doc.title);
  const summary = tokenize(doc.summary);
  // Tags, authors and the city name rank between the summary and the body.
  const meta = tokenize([...doc.tags, doc.cityName ?? "", ...doc.authors].join(" ; "));
  const body = tokenize(doc.body).slice(0, MAX_BODY_TOKENS);
  const attrs: DocAttrs = {
    id: doc.id,
    group: doc.group,
    kind: doc.kind,
    areas: doc.areas,
    city: doc.city,
    year: doc.year,
    eventId: doc.eventId,
    membersOf: doc.membersOf?.length ? doc.membersOf : null,
    date: doc.date,
    titleKey: sortKey(doc.title),
  };
  const bitsOf = new Map<string, number>();
  const mark = (tokens: string[], bit: number) => {
    for (const t of tokens) bitsOf.set(t, (bitsOf.get(t) ?? 0) | bit);
  };
  mark(title, ATTR_BITS.title);
  mark(summary, ATTR_BITS.summary);
  mark(meta, ATTR_BITS.meta);
  mark(body, ATTR_BITS.body);
  const words = [...bitsOf];
  const ranked = [title, summary, meta, body.slice(0, MAX_RANKED_TOKENS)];
  const { body: _body, ...hit } = doc;
  return {
    attrs,
    data: JSON.stringify(hit),
    ranked,
    tok: ranked.map((t) => t.join(" ")).join("\n"),
    words,
    terms: words.map(([w, bits]) => String.fromCharCode(64 + bits) + w).join(" "),
  };
}

/** Reads the stored `tok` column back into token lists per attribute. */
export function parseTok(tok: string): string[][] {
  return tok.split("\n").map((line) => (line ? line.split(" ") : []));
}

/** Reads the stored `terms` column back into words with bits. */
export function parseTerms(terms: string): Array<[string, number]> {
  if (!terms) return [];
  return terms.split(" ").map((t) => [t.slice(1), t.charCodeAt(0) - 64]);
}
