// Production search adapter over the official Meilisearch client. Index settings are applied by code in init();
// every write waits for its task and turns a failed task into an exception. Highlighting and cropping are done
// here with the shared formatter so both adapters return the same _formatted shape.
import { Meilisearch, type Index, type Settings, type Task } from "meilisearch";
import { parseQuery, slotMatcher, compileSynonyms, type SynonymIndex } from "../polish/query.js";
import { POLISH_STOPWORDS } from "../polish/stopwords.js";
import { stem } from "../polish/stemmer.js";
import { formatText } from "../shared/format.js";
import { checkQuery } from "../shared/request.js";
import { FILTERABLE, type SearchDocument, type SearchEngine, type SearchQuery, type SearchResult, type SearchSettings } from "../types.js";
import { PRIMARY_KEY, SEARCHABLE, encodeId, fromMeili, meiliQuery, meiliSynonyms, toMeili, type MeiliDocument } from "./documents.js";

export type MeiliOptions = { url: string; key?: string; indexUid?: string; taskTimeoutMs?: number };

const BATCH = 1000;

/** Fails loudly when a Meilisearch task did not succeed. */
export function assertTask(task: Task, what: string): Task {
  if (task.status !== "succeeded") {
    const reason = task.error ? `${task.error.code}: ${task.error.message}` : task.status;
    throw new Error(`Meilisearch task ${task.uid} (${what}) ${task.status}: ${reason}`);
  }
  return task;
}

/** Index settings mirroring the embedded engine's semantics. */
export function meiliSettings(settings: SearchSettings): Settings {
  return {
    searchableAttributes: [...SEARCHABLE],
    filterableAttributes: [...FILTERABLE],
    sortableAttributes: ["date", "titleKey"],
    displayedAttributes: ["*"],
    rankingRules: ["sort", "words", "typo", "proximity", "attribute", "exactness"],
    stopWords: [...new Set(POLISH_STOPWORDS.map(stem))],
    synonyms: meiliSynonyms(settings.synonyms),
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    pagination: { maxTotalHits: 100_000 },
    faceting: { maxValuesPerFacet: 1000 },
  };
}

export class MeilisearchEngine implements SearchEngine {
  readonly name = "meilisearch" as const;
  private client: Meilisearch;
  private index: Index<MeiliDocument>;
  private synonyms: SynonymIndex = compileSynonyms([]);
  private readonly timeout: number;

  constructor(options: MeiliOptions) {
    this.client = new Meilisearch({ host: options.url, apiKey: options.key });
    this.index = this.client.index<MeiliDocument>(options.indexUid ?? "frl");
    this.timeout = options.taskTimeoutMs ?? 60_000;
  }

  private wait(p: { waitTask: (o?: { timeout?: number }) => Promise<Task> }, what: string): Promise<Task> {
    return p.waitTask({ timeout: this.timeout }).then((t) => assertTask(t, what));
  }

  /** Creates the index when missing and applies all settings, waiting for both tasks. */
  async init(settings: SearchSettings): Promise<void> {
    this.synonyms = compileSynonyms(settings.synonyms);
    const created = await this.client.createIndex(this.index.uid, { primaryKey: PRIMARY_KEY }).waitTask({ timeout: this.timeout });
    if (created.status !== "succeeded" && created.error?.code !== "index_already_exists") assertTask(created, "create index");
    await this.wait(this.index.updateSettings(meiliSettings(settings)), "update settings");
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    for (let i = 0; i < docs.length; i += BATCH) {
      const batch = docs.slice(i, i + BATCH).map(toMeili);
      await this.wait(this.index.addDocuments(batch, { primaryKey: PRIMARY_KEY }), "add documents");
    }
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.wait(this.index.deleteDocuments(ids.map(encodeId)), "delete documents");
  }

  async clear(): Promise<void> {
    await this.wait(this.index.deleteAllDocuments(), "delete all documents");
  }

  async count(): Promise<number> {
    return (await this.index.getStats()).numberOfDocuments;
  }

  async healthy(): Promise<boolean> {
    return this.client.isHealthy();
  }

  async close(): Promise<void> {}

  /** Validates like the embedded engine, queries with stemmed words and formats hits with the shared formatter. */
  async search(query: SearchQuery): Promise<SearchResult> {
    const started = performance.now();
    const cq = checkQuery(query);
    const q = meiliQuery(cq.q);
    const res = await this.index.search(q, {
      filter: query.filter?.trim() ? query.filter : undefined,
      facets: cq.facets.length ? cq.facets : undefined,
      sort: cq.sort.length ? cq.sort.map((s) => `${s.field === "title" ? "titleKey" : "date"}:${s.dir === 1 ? "asc" : "desc"}`) : undefined,
      page: cq.page,
      hitsPerPage: cq.hitsPerPage,
    });
    const matcher = slotMatcher(parseQuery(cq.q, this.synonyms).slots);
    const isMatch = (t: string) => matcher(t).length > 0;
    const hits = res.hits.map((h) => {
      const doc = fromMeili(h as Record<string, unknown>);
      return {
        ...doc,
        _formatted: {
          title: formatText(doc.title, isMatch),
          summary: formatText(doc.summary, isMatch, cq.cropLength),
          body: formatText(doc.body, isMatch, cq.cropLength),
        },
      };
    });
    const facetDistribution: Record<string, Record<string, number>> = {};
    for (const f of cq.facets) facetDistribution[f] = res.facetDistribution?.[f] ?? {};
    const total = (res as { totalHits?: number }).totalHits ?? 0;
    return {
      hits,
      facetDistribution,
      estimatedTotalHits: total,
      page: cq.page,
      hitsPerPage: cq.hitsPerPage,
      totalPages: (res as { totalPages?: number }).totalPages ?? 0,
      processingTimeMs: Math.round(performance.now() - started),
      query: cq.q,
    };
  }
}
