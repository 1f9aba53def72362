// How a SearchDocument is laid out in the embedded store: folded tokens per attribute, stems, and the small record
// of filterable and sortable values kept in memory.
import type { FilterValues } from "../shared/filter";
import type { SearchDocument } from "../types";
import { tokenize } from "../polish/normalize";
import { stem } from "../polish/stemmer";
import { sortKey } from "../polish/query";

/** Body tokens beyond this are not indexed (keeps re-ranking bounded on very long texts). */
export const MAX_BODY_TOKENS = 3000;

export type DocAttrs = FilterValues & { id: string; date: string | null; titleKey: string };

export type DocRows = {
  attrs: DocAttrs;
  tok: string;
  /** Distinct words and "_"-marked stems of all attributes, and of the title alone. */
  fts: { all: string; title: string };
  terms: string[];
};

/** Splits a document into what the store and the in-memory attribute table need. */
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
    date: doc.date,
    titleKey: sortKey(doc.title),
  };
  const words = new Set([...title, ...summary, ...meta, ...body]);
  const stems = new Set<string>();
  for (const w of words) stems.add("_" + stem(w));
  const titleWords = new Set(title);
  return {
    attrs,
    tok: [title.join(" "), summary.join(" "), meta.join(" "), body.join(" ")].join("\n"),
    fts: {
      all: [...words, ...stems].join(" "),
      title: [...titleWords, ...[...titleWords].map((w) => "_" + stem(w))].join(" "),
    },
    terms: [...words],
  };
}
