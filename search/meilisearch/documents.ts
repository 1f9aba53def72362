// How a SearchDocument is stored in Meilisearch: the original fields for display and filtering, plus the folded,
// stemmed text of each searchable attribute (s_*), so inflected forms and missing Polish letters match and the
// query, stemmed the same way, hits them. Meilisearch ids allow only [A-Za-z0-9_-], hence the encoded primary key.
import { tokenize } from "../polish/normalize.js";
import { stem } from "../polish/stemmer.js";
import { sortKey } from "../polish/query.js";
import type { SearchDocument } from "../types.js";

export const SEARCHABLE = ["s_title", "s_summary", "s_meta", "s_body"] as const;
export const PRIMARY_KEY = "pk";

export type MeiliDocument = SearchDocument & {
  pk: string;
  titleKey: string;
  s_title: string;
  s_summary: string;
  s_meta: string;
  s_body: string;
};

const stems = (text: string) => tokenize(text).map(stem).join(" ");

/** Encodes any id into Meilisearch's allowed id alphabet, reversibly and without collisions. */
export function encodeId(id: string): string {
  return id.replace(/[^A-Za-z0-9-]/g, (c) => "_" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

/** The document as sent to Meilisearch. */
export function toMeili(doc: SearchDocument): MeiliDocument {
  return {
    ...doc,
    pk: encodeId(doc.id),
    titleKey: sortKey(doc.title),
    s_title: stems(doc.title),
    s_summary: stems(doc.summary),
    s_meta: stems([...doc.tags, doc.cityName ?? "", ...doc.authors].join(" ; ")),
    s_body: stems(doc.body),
  };
}

/** The SearchDocument part of a stored Meilisearch document. */
export function fromMeili(hit: Record<string, unknown>): SearchDocument {
  const { pk: _pk, titleKey: _t, s_title: _a, s_summary: _b, s_meta: _c, s_body: _d, _formatted: _f, ...doc } = hit;
  return doc as SearchDocument;
}

/** Stems each phrase of each synonym group and lists, per phrase, its equivalents (Meilisearch wants both ways). */
export function meiliSynonyms(groups: string[][]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of groups) {
    const phrases = [...new Set(group.map(stems).filter(Boolean))];
    for (const p of phrases) out[p] = [...new Set([...(out[p] ?? []), ...phrases.filter((o) => o !== p)])];
  }
  return out;
}

/** The query as Meilisearch should see it: folded and stemmed like the s_* fields (a trailing space is kept so the
 * last word stays a whole word rather than a prefix). */
export function meiliQuery(q: string): string {
  const s = stems(q);
  return s && /[\s\p{P}]$/u.test(q) ? s + " " : s;
}
