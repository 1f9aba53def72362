// Validation of the caller-controlled parts of a SearchQuery shared by both adapters, so a bad sort, facet or page
// fails the same way (SearchQueryError → HTTP 400) whichever engine runs.
import { FILTERABLE, SORTABLE, SearchQueryError, type SearchQuery } from "../types.js";
import { parseFilter, type FilterNode } from "./filter.js";

export type SortSpec = { field: (typeof SORTABLE)[number]; dir: 1 | -1 };
export type CheckedQuery = {
  q: string;
  filter: FilterNode | null;
  facets: (typeof FILTERABLE)[number][];
  sort: SortSpec[];
  page: number;
  hitsPerPage: number;
  cropLength: number;
};

export const DEFAULT_HITS_PER_PAGE = 20;
export const MAX_HITS_PER_PAGE = 1000;

/** Validates and normalises a query; throws SearchQueryError with a Polish message. */
export function checkQuery(query: SearchQuery): CheckedQuery {
  const page = query.page ?? 1;
  const hitsPerPage = query.hitsPerPage ?? DEFAULT_HITS_PER_PAGE;
  if (!Number.isInteger(page) || page < 1) throw new SearchQueryError("Numer strony musi być liczbą całkowitą od 1.");
  if (!Number.isInteger(hitsPerPage) || hitsPerPage < 0 || hitsPerPage > MAX_HITS_PER_PAGE) {
    throw new SearchQueryError(`Liczba wyników na stronę musi być liczbą od 0 do ${MAX_HITS_PER_PAGE}.`);
  }
  const facets = query.facets ?? [];
  for (const f of facets) {
    if (!(FILTERABLE as readonly string[]).includes(f)) throw new SearchQueryError(`Nie można liczyć wartości atrybutu „${f}”.`);
  }
  const sort = (query.sort ?? []).map((s): SortSpec => {
    const [field, dir = "asc"] = s.split(":");
    if (!(SORTABLE as readonly string[]).includes(field) || (dir !== "asc" && dir !== "desc")) {
      throw new SearchQueryError(`Nieprawidłowe sortowanie „${s}” (dozwolone: ${SORTABLE.map((x) => `${x}:asc, ${x}:desc`).join(", ")}).`);
    }
    return { field: field as SortSpec["field"], dir: dir === "asc" ? 1 : -1 };
  });
  const cropLength = query.cropLength ?? 30;
  if (!Number.isInteger(cropLength) || cropLength < 1) throw new SearchQueryError("Długość wycinka musi być dodatnią liczbą całkowitą.");
  return { q: query.q ?? "", filter: parseFilter(query.filter ?? ""), facets, sort, page, hitsPerPage, cropLength };
}
