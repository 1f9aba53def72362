// Picks the search adapter from configuration (SEARCH_ENGINE): embedded by default, Meilisearch in production.
import { join } from "node:path";
import { EmbeddedSearchEngine } from "./embedded/engine";
import { MeilisearchEngine } from "./meilisearch/engine";
import type { SearchEngine } from "./types";

export type SearchEngineConfig = {
  searchEngine: "embedded" | "meilisearch";
  dataDir: string;
  meiliUrl?: string;
  meiliKey?: string;
  /** Embedded index file; defaults to <dataDir>/search.db. */
  searchDbFile?: string;
  /** Meilisearch index uid; defaults to "frl". */
  meiliIndex?: string;
};

/** Creates the configured SearchEngine (call init(settings) before use). */
export function createSearchEngine(config: SearchEngineConfig): SearchEngine {
  if (config.searchEngine === "meilisearch") {
    if (!config.meiliUrl) throw new Error("SEARCH_ENGINE=meilisearch requires MEILI_URL");
    return new MeilisearchEngine({ url: config.meiliUrl, key: config.meiliKey, indexUid: config.meiliIndex });
  }
  return new EmbeddedSearchEngine(config.searchDbFile ?? join(config.dataDir, "search.db"));
}
