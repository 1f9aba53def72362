// Picks the search adapter from configuration (SEARCH_ENGINE): embedded by default, Meilisearch in production.
import { join } from "node:path";
import { EmbeddedSearchEngine } from "./embedded/engine.js";
import { ThreadedSearchEngine } from "./embedded/threaded-engine.js";
import { MeilisearchEngine } from "./meilisearch/engine.js";
import { CachedSearchEngine } from "./shared/result-cache.js";
import type { SearchEngine } from "./types.js";

export type SearchEngineConfig = {
  searchEngine: "embedded" | "meilisearch";
  dataDir: string;
  meiliUrl?: string;
  meiliKey?: string;
  /** Embedded index file; defaults to <dataDir>/search.db. */
  searchDbFile?: string;
  /** Meilisearch index uid; defaults to "frl". */
  meiliIndex?: string;
  /** Embedded only: search threads (0 = in this thread; command-line tools, tests). */
  searchThreads?: number;
  /** Where a search thread that died and was replaced is reported. */
  logger?: { error: (message: string) => void };
};

/** Creates the configured SearchEngine (call init(settings) before use). */
export function createSearchEngine(config: SearchEngineConfig): SearchEngine {
  if (config.searchEngine === "meilisearch") {
    if (!config.meiliUrl) throw new Error("SEARCH_ENGINE=meilisearch requires MEILI_URL");
    return new MeilisearchEngine({ url: config.meiliUrl, key: config.meiliKey, indexUid: config.meiliIndex });
  }
  const file = config.searchDbFile ?? join(config.dataDir, "search.db");
  const threads = config.searchThreads ?? 0;
  // This process alone writes the embedded index (writer lock), so its answers can be kept until it changes.
  return new CachedSearchEngine(threads > 0 ? new ThreadedSearchEngine(file, threads, config.logger) : new EmbeddedSearchEngine(file));
}
