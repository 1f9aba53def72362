// The engines under test behind one tiny interface: the embedded engine (on the main thread or on search threads),
// and MiniSearch 7.2 configured with the same folding, stemming, typo rules (fuzzy by term length) and prefix on the
// last term.
import MiniSearch from "minisearch";
import { EmbeddedSearchEngine } from "../../search/embedded/engine";
import { ThreadedSearchEngine } from "../../search/embedded/threaded-engine";
import { tokenize } from "../../search/polish/normalize";
import { stem } from "../../search/polish/stemmer";
import { isStopword } from "../../search/polish/stopwords";
import { maxTypos } from "../../search/polish/typo";
import { compileFilter, parseFilter, type FilterValues } from "../../search/shared/filter";
import { formatText } from "../../search/shared/format";
import type { SearchDocument } from "../../search/types";

export type BenchHit = { id: string; title: string };
export type BenchEngine = {
  name: string;
  build(docs: SearchDocument[]): Promise<void>;
  search(q: string, filter?: string): Promise<{ total: number; hits: BenchHit[]; facets: Record<string, Record<string, number>> }>;
  close(): Promise<void>;
};

const HITS = 20;

/** The embedded engine as the app uses it: facets on kind and areas, 20 formatted hits. */
export function embeddedBench(file: string): BenchEngine {
  return benchOf(new EmbeddedSearchEngine(file), "embedded");
}

/** The same engine served by search threads, as in production (SEARCH_THREADS). */
export function threadedBench(file: string, threads: number): BenchEngine {
  return benchOf(new ThreadedSearchEngine(file, threads), `embedded, ${threads} search threads`);
}

function benchOf(engine: EmbeddedSearchEngine | ThreadedSearchEngine, name: string): BenchEngine {
  let ready = false;
  const init = async () => {
    if (!ready) await engine.init({ synonyms: [] });
    ready = true;
  };
  return {
    name,
    async build(docs) {
      await init();
      await engine.clear();
      for (let i = 0; i < docs.length; i += 1000) await engine.upsert(docs.slice(i, i + 1000));
    },
    async search(q, filter) {
      await init();
      const r = await engine.search({ q, filter, facets: ["kind", "areas"], hitsPerPage: HITS });
      return { total: r.estimatedTotalHits, hits: r.hits.map((h) => ({ id: h.id, title: h._formatted.title })), facets: r.facetDistribution };
    },
    close: () => engine.close(),
  };
}

type MiniDoc = FilterValues & { id: string; title: string; summary: string; meta: string; body: string };

/** MiniSearch 7.2 with the same text pipeline: folded terms plus their stems, fuzzy by Meilisearch's length rule. */
export function miniSearchBench(): BenchEngine {
  const mini = new MiniSearch<MiniDoc>({
    fields: ["title", "summary", "meta", "body"],
    storeFields: ["title", "summary", "group", "kind", "areas", "city", "year", "eventId"],
    tokenize: (text) => tokenize(text),
    processTerm: (term) => {
      const s = stem(term);
      return s === term ? term : [term, s];
    },
    searchOptions: {
      boost: { title: 4, summary: 3, meta: 2, body: 1 },
      combineWith: "OR",
      tokenize: (text) => {
        const words = tokenize(text);
        const kept = words.filter((w) => !isStopword(w));
        return kept.length ? kept : words;
      },
      processTerm: (term) => term,
      // MiniSearch takes a fraction below 1 or an absolute edit distance from 1 up.
      fuzzy: (term) => maxTypos(term) || false,
      prefix: (_term, i, terms) => i === terms.length - 1,
    },
  });
  return {
    name: "MiniSearch 7.2",
    async build(docs) {
      mini.removeAll();
      mini.addAll(
        docs.map((d) => ({
          id: d.id, title: d.title, summary: d.summary, meta: [...d.tags, d.cityName ?? "", ...d.authors].join(" ; "), body: d.body,
          group: d.group, kind: d.kind, areas: d.areas, city: d.city, year: d.year, eventId: d.eventId, membersOf: d.membersOf ?? null,
        })),
      );
    },
    async search(q, filter) {
      const keep = compileFilter(parseFilter(filter ?? ""));
      const results = mini.search(q, { filter: (r) => keep(r as unknown as FilterValues) });
      const facets: Record<string, Record<string, number>> = { kind: {}, areas: {} };
      for (const r of results) {
        facets.kind[r.kind] = (facets.kind[r.kind] ?? 0) + 1;
        for (const a of r.areas as string[]) facets.areas[a] = (facets.areas[a] ?? 0) + 1;
      }
      const terms = new Set(results.slice(0, HITS).flatMap((r) => r.terms));
      const hits = results.slice(0, HITS).map((r) => ({ id: String(r.id), title: formatText(r.title as string, (t) => terms.has(t)) }));
      return { total: results.length, hits, facets };
    },
    close: async () => {},
  };
}
