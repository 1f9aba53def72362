// Search results kept per query until the index changes (issue 16). Pages ask the same questions over and over —
// the library's first page, its facet counts, the home page's latest good practices — and each answer cost a trip to
// a search thread and back while the HTTP thread waited. Identical questions asked at the same moment share one
// search. Only for an index that this process alone writes (the embedded engine behind the data folder's writer
// lock): every change then passes through here and empties the cache. Meilisearch is written by every instance, so it
// is not wrapped. Callers must treat results as read-only (they are shared).
import type { SearchDocument, SearchEngine, SearchQuery, SearchResult, SearchSettings } from "../types.js";

export const RESULT_CACHE_ENTRIES = 500;

export class CachedSearchEngine implements SearchEngine {
  readonly name: SearchEngine["name"];
  /** Insertion order is recency: a hit moves to the end, the oldest entry is dropped first. */
  private cache = new Map<string, Promise<SearchResult>>();
  private writing = 0;

  constructor(
    /** The engine answering behind the cache. */
    readonly inner: SearchEngine,
    private readonly maxEntries = RESULT_CACHE_ENTRIES,
  ) {
    this.name = inner.name;
  }

  search(query: SearchQuery): Promise<SearchResult> {
    // While the index changes, answers come fresh and are not kept (they may predate the change).
    if (this.writing > 0) return this.inner.search(query);
    const key = JSON.stringify(query);
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const answer = this.inner.search(query);
    this.cache.set(key, answer);
    if (this.cache.size > this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
    // A failed search (a bad filter, a thread that died) is not remembered.
    answer.catch(() => {
      if (this.cache.get(key) === answer) this.cache.delete(key);
    });
    return answer;
  }

  /** Empties the cache before and after a change, so nothing searched before or during it is served after it. */
  private async change<T>(run: () => Promise<T>): Promise<T> {
    this.writing++;
    this.cache.clear();
    try {
      return await run();
    } finally {
      this.writing--;
      this.cache.clear();
    }
  }

  init(settings: SearchSettings): Promise<void> {
    return this.change(() => this.inner.init(settings));
  }

  upsert(docs: SearchDocument[]): Promise<void> {
    return this.change(() => this.inner.upsert(docs));
  }

  remove(ids: string[]): Promise<void> {
    return this.change(() => this.inner.remove(ids));
  }

  clear(): Promise<void> {
    return this.change(() => this.inner.clear());
  }

  count(): Promise<number> {
    return this.inner.count();
  }

  healthy(): Promise<boolean> {
    return this.inner.healthy();
  }

  close(): Promise<void> {
    this.cache.clear();
    return this.inner.close();
  }
}
