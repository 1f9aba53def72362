import type { DbHandle } from "../../db/index.js";
import { createSearchEngine } from "../../search/create-engine.js";
import { startSearchRuntime, type SearchRuntime } from "../search/search-runtime.js";
import type { Config } from "../config.js";
import type { EventService } from "../events/event-service.js";
import type { Logger } from "../logger.js";
import { createDiskStorage } from "./attachment-storage.js";
import { seedDemoLibrary } from "./demo-library.js";
import { createLibraryService, type LibraryNotices, type LibraryService } from "./library-service.js";

/**
 * Creates the search engine, its outbox indexer and the library service; loads the demo library on first start when
 * FRL_DEMO=1. Event writes add their outbox rows inside the event repository's transactions; onChange only wakes the
 * indexer so the change shows up without waiting for the next poll.
 */
export async function startLibrary(deps: { config: Config; db: DbHandle; logger: Logger; events: EventService; notices?: LibraryNotices }): Promise<{ library: LibraryService; search: SearchRuntime; close: () => Promise<void> }> {
  const { config, db, logger } = deps;
  if (config.demo) await seedDemoLibrary(db, logger);
  const engine = createSearchEngine({ searchEngine: config.searchEngine, dataDir: config.dataDir, meiliUrl: config.meiliUrl, meiliKey: config.meiliKey, searchThreads: config.searchThreads, logger });
  const search = await startSearchRuntime({ db, engine, logger, dataDir: config.dataDir });
  const library = createLibraryService({ db, storage: createDiskStorage(config.dataDir), afterWrite: () => void search.indexer.kick(), notices: deps.notices });
  deps.events.onChange(() => void search.indexer.kick());
  return { library, search, close: search.close };
}
