import { areaSlugs } from "../../domain/thematic-areas.js";
import { library as t } from "../../domain/i18n/pl/library.js";
import { SearchQueryError, type SearchEngine, type SearchResult } from "../../search/types.js";
import { LIBRARY_KINDS } from "./library-schemas.js";
import { SORTS, type LibrarySort } from "../../domain/library-sorts.js";

const R = t.api.reasons;

/** A bad query parameter; the API answers 400 { error: { code: "bad_parameter", message } }. */
export class SearchParamError extends Error {
  override name = "SearchParamError";
  constructor(
    readonly param: string,
    why: string,
  ) {
    super(t.api.badParam(param, why));
  }
}

export { SORTS, type LibrarySort };

export type LibrarySearchParams = {
  q: string;
  kind: string[];
  area: string[];
  city: string[];
  year: number[];
  yearFrom: number | null;
  yearTo: number | null;
  sort: LibrarySort;
  page: number;
  hitsPerPage: number;
};

const KNOWN = ["q", "kind", "area", "city", "year", "yearFrom", "yearTo", "sort", "page", "hitsPerPage"];

function values(sp: URLSearchParams, name: string): string[] {
  return sp
    .getAll(name)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

function int(sp: URLSearchParams, name: string, min: number, max: number, fallback: number | null): number | null {
  const raw = sp.get(name);
  if (raw === null || raw.trim() === "") return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new SearchParamError(name, R.integer(min, max, raw.slice(0, 40)));
  const n = Number(raw);
  if (n < min || n > max) throw new SearchParamError(name, R.range(min, max));
  return n;
}

/**
 * Reads and validates search parameters (the API and the pages share it). Strict mode (the API) also refuses unknown
 * parameter names, so a typo such as `kinds=` is reported instead of silently ignored.
 */
export function parseSearchParams(sp: URLSearchParams, opts: { strict?: boolean; maxHitsPerPage?: number } = {}): LibrarySearchParams {
  if (opts.strict) {
    for (const k of sp.keys()) if (!KNOWN.includes(k)) throw new SearchParamError(k, R.unknown(KNOWN.join(", ")));
  }
  const q = (sp.get("q") ?? "").trim();
  if (q.length > 200) throw new SearchParamError("q", R.queryTooLong);
  const kind = values(sp, "kind");
  for (const k of kind) if (!(LIBRARY_KINDS as readonly string[]).includes(k)) throw new SearchParamError("kind", R.kind(k.slice(0, 40), LIBRARY_KINDS.join(", ")));
  const area = values(sp, "area");
  for (const a of area) if (!(areaSlugs as readonly string[]).includes(a)) throw new SearchParamError("area", R.area(a.slice(0, 40), areaSlugs.join(", ")));
  const city = values(sp, "city");
  for (const c of city) if (!/^[a-z0-9-]{1,80}$/.test(c)) throw new SearchParamError("city", R.city);
  const year = values(sp, "year").map((y) => {
    if (!/^\d{4}$/.test(y)) throw new SearchParamError("year", R.year(y.slice(0, 40)));
    return Number(y);
  });
  const yearFrom = int(sp, "yearFrom", 1900, 2100, null);
  const yearTo = int(sp, "yearTo", 1900, 2100, null);
  if (yearFrom !== null && yearTo !== null && yearFrom > yearTo) throw new SearchParamError("yearFrom", R.yearOrder);
  const sortRaw = sp.get("sort") || "relevance";
  if (!(SORTS as readonly string[]).includes(sortRaw)) throw new SearchParamError("sort", R.sort(SORTS.join(", ")));
  const page = int(sp, "page", 1, 1000, 1)!;
  const hitsPerPage = int(sp, "hitsPerPage", 1, opts.maxHitsPerPage ?? 100, 20)!;
  return { q, kind, area, city, year, yearFrom, yearTo, sort: sortRaw as LibrarySort, page, hitsPerPage };
}

const quote = (v: string) => `"${v.replace(/["\\]/g, "\\$&")}"`;

type Group = "kind" | "area" | "city" | "year";

/**
 * The filter keeping what a viewer may find: public documents, and members-only ones of their networks; staff ("all")
 * everything. Empty for staff; callers AND it with their own filter.
 */
export function membersOnlyFilter(viewer: "all" | number[]): string {
  if (viewer === "all") return "";
  if (viewer.length === 0) return "membersOf NOT EXISTS";
  return `(membersOf NOT EXISTS OR membersOf IN [${viewer.map((id) => quote(String(id))).join(", ")}])`;
}

/** The Meilisearch filter for the parameters, optionally leaving one facet group out (disjunctive facet counts). */
export function libraryFilter(p: LibrarySearchParams, without?: Group, viewer: "all" | number[] = []): string {
  const parts = ['group = "library"'];
  const access = membersOnlyFilter(viewer);
  if (access) parts.push(access);
  if (p.kind.length && without !== "kind") parts.push(`kind IN [${p.kind.map(quote).join(", ")}]`);
  if (p.area.length && without !== "area") parts.push(`areas IN [${p.area.map(quote).join(", ")}]`);
  if (p.city.length && without !== "city") parts.push(`city IN [${p.city.map(quote).join(", ")}]`);
  if (p.year.length && without !== "year") parts.push(`year IN [${p.year.join(", ")}]`);
  if (p.yearFrom !== null) parts.push(`year >= ${p.yearFrom}`);
  if (p.yearTo !== null) parts.push(`year <= ${p.yearTo}`);
  return parts.join(" AND ");
}

const FACETS = ["kind", "areas", "city", "year"] as const;

/**
 * Runs a library search; with `disjunctive`, each selected facet group counts as if its own selection were absent.
 * `viewer` (default: the public) decides whether members-only network materials are found.
 */
export async function searchLibrary(engine: SearchEngine, p: LibrarySearchParams, opts: { disjunctive?: boolean; viewer?: "all" | number[] } = {}): Promise<SearchResult> {
  const viewer = opts.viewer ?? [];
  const result = await engine.search({
    q: p.q,
    filter: libraryFilter(p, undefined, viewer),
    facets: [...FACETS],
    // Without a query there is no relevance to rank by: newest first.
    sort: p.sort !== "relevance" ? [p.sort] : p.q ? [] : ["date:desc"],
    page: p.page,
    hitsPerPage: p.hitsPerPage,
    cropLength: 30,
  });
  if (opts.disjunctive) {
    const groups: [Group, (typeof FACETS)[number], unknown[]][] = [
      ["kind", "kind", p.kind],
      ["area", "areas", p.area],
      ["city", "city", p.city],
      ["year", "year", p.year],
    ];
    // One count per selected group, asked at once (they are independent); results are shared, so not mutated.
    const selected = groups.filter(([, , values]) => values.length > 0);
    const others = await Promise.all(selected.map(([group, facet]) => engine.search({ q: p.q, filter: libraryFilter(p, group, viewer), facets: [facet], hitsPerPage: 0 })));
    const facetDistribution = { ...result.facetDistribution };
    selected.forEach(([, facet], i) => (facetDistribution[facet] = others[i].facetDistribution[facet] ?? {}));
    return { ...result, facetDistribution };
  }
  return result;
}

/** The public JSON shape of a search result (docs/api.md). */
export function toApiResult(r: SearchResult) {
  return {
    hits: r.hits.map((h) => ({
      id: Number(h.id.split(":")[1]),
      externalId: h.externalId,
      slug: h.slug,
      kind: h.kind,
      title: h.title,
      url: h.url,
      _formatted: { title: h._formatted.title, summary: h._formatted.summary },
    })),
    facetDistribution: r.facetDistribution,
    estimatedTotalHits: r.estimatedTotalHits,
    page: r.page,
    hitsPerPage: r.hitsPerPage,
    processingTimeMs: r.processingTimeMs,
  };
}

/** True for a SearchQueryError from either module copy (the Remix bundle and the server each load search/types). */
export function isSearchQueryError(error: unknown): error is SearchQueryError {
  return error instanceof Error && (error instanceof SearchQueryError || error.constructor.name === "SearchQueryError" || error.name === "SearchQueryError");
}
