// The one search interface. Adapters: embedded (in-memory index over SQLite, default) and meilisearch. Semantics
// follow Meilisearch, so both adapters pass the same contract suite (tests/contract/search-engine.contract.ts).

/** Which group a hit belongs to in federated search. */
export type SearchGroup = "library" | "event" | "thread" | "network";

/** A document as indexed: flat, denormalised, with everything a result card and the filters need. */
export type SearchDocument = {
  /** Globally unique: `library:<id>`, `event:<id>`, `thread:<id>`, `network:<threadId>` (network discussions). */
  id: string;
  group: SearchGroup;
  /** publication | tool | good_practice | material | recording | faq for library; seminar, webinar … for events. */
  kind: string;
  externalId: string | null;
  slug: string;
  title: string;
  summary: string;
  /** Plain text (no HTML). */
  body: string;
  /** Thematic area slugs. */
  areas: string[];
  tags: string[];
  authors: string[];
  /** City slug and name, when the item is tied to a city. */
  city: string | null;
  cityName: string | null;
  year: number | null;
  /** Event id the item belongs to (materials, recordings, thread archives), or the event's own id. */
  eventId: number | null;
  /** ISO date used for sorting by date (publication date, event start). */
  date: string | null;
  /** Path of the page showing the item, e.g. /biblioteka/<slug>. */
  url: string;
  /**
   * Network ids (as text) whose members alone may find the document (members-only network materials, network
   * discussions). Absent on public documents, so `membersOf NOT EXISTS` keeps exactly those in both adapters.
   */
  membersOf?: string[];
};

/** Filterable attributes; filters use Meilisearch's syntax over these names. */
export const FILTERABLE = ["group", "kind", "areas", "city", "year", "eventId", "membersOf"] as const;
export const SORTABLE = ["date", "title"] as const;

export type SearchQuery = {
  q: string;
  /** Meilisearch filter expression, e.g. `kind = good_practice AND (areas = finanse OR areas = demografia) AND year >= 2020`. */
  filter?: string;
  /** Attributes to count values of over the whole result set (before pagination). */
  facets?: (typeof FILTERABLE)[number][];
  /** e.g. ["date:desc"] or ["title:asc"]; relevance when empty. */
  sort?: string[];
  page?: number; // 1-based
  hitsPerPage?: number;
  /** Words around the match kept in cropped snippets (default 30). */
  cropLength?: number;
};

export type SearchHit = SearchDocument & {
  /** Title and summary with matches wrapped in <mark>…</mark>; all other text HTML-escaped. Summary cropped with "…". */
  _formatted: { title: string; summary: string; body: string };
};

export type SearchResult = {
  hits: SearchHit[];
  facetDistribution: Record<string, Record<string, number>>;
  estimatedTotalHits: number;
  page: number;
  hitsPerPage: number;
  totalPages: number;
  processingTimeMs: number;
  query: string;
};

export type SearchSettings = {
  /** Synonym groups, each word or phrase equivalent to the others, lower case: [["mrl", "monitor rozwoju lokalnego"]]. */
  synonyms: string[][];
};

export interface SearchEngine {
  readonly name: "embedded" | "meilisearch";
  /** Creates the index and applies settings (idempotent). */
  init(settings: SearchSettings): Promise<void>;
  /** Adds or replaces documents by id. */
  upsert(docs: SearchDocument[]): Promise<void>;
  /** Removes documents by id (missing ids are ignored). */
  remove(ids: string[]): Promise<void>;
  /** Removes everything (used by reindex before a full rebuild). */
  clear(): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  /** Number of indexed documents. */
  count(): Promise<number>;
  /** True when the engine answers. */
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}

/** A bad filter or sort given by a caller; the API turns it into a 400. */
export class SearchQueryError extends Error {}
