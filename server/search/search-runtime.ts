import type { DbHandle } from "../../db/index.js";
import { countAllEvents } from "../../db/repositories/events.js";
import { countPublishedLibraryItems } from "../../db/repositories/library-queries.js";
import type { SearchEngine, SearchSettings } from "../../search/types.js";
import { createIndexer, type Indexer, type IndexerOptions } from "./indexer.js";
import { reindexAll } from "./reindex.js";
import { queueArchivedThreads } from "../../db/repositories/thread-search.js";
import { ARCHIVE_AFTER_END_MS } from "../../domain/live-timings.js";
import { createRebuilder, type Rebuilder } from "./rebuilder.js";
import { acquireWriterLock, type WriterLock } from "./writer-lock.js";

type Log = IndexerOptions["logger"] & { info: (msg: string, extra?: Record<string, unknown>) => void };

export type SearchRuntime = { engine: SearchEngine; indexer: Indexer; rebuilder: Rebuilder; sweepArchives: () => Promise<void>; close: () => Promise<void> };

/** Synonym groups applied to every engine (index settings are code, not hand-made). */
export const DEFAULT_SYNONYMS: string[][] = [
  ["mrl", "monitor rozwoju lokalnego"],
  ["oecd", "organizacja współpracy gospodarczej i rozwoju"],
  ["zmp", "związek miast polskich"],
  ["frl", "forum rozwoju lokalnego"],
  ["oze", "odnawialne źródła energii"],
  ["sim", "społeczna inicjatywa mieszkaniowa"],
  ["tbs", "towarzystwo budownictwa społecznego"],
  ["rpo", "regionalny program operacyjny"],
  ["kpo", "krajowy plan odbudowy"],
  ["bo", "budżet obywatelski", "budżet partycypacyjny"],
];

/**
 * Starts search: applies settings, rebuilds the index from the database when it is empty (a missing embedded file,
 * a fresh Meilisearch index) and starts the outbox drain. An engine that is down at boot does not stop the app:
 * the indexer keeps retrying and the pages show that search is unavailable.
 */
export async function startSearchRuntime(opts: {
  db: DbHandle;
  engine: SearchEngine;
  logger: Log;
  settings?: SearchSettings;
  indexer?: Partial<IndexerOptions>;
  archiveSweepMs?: number;
  /** The data folder: where rebuild requests arrive, and (embedded engine) whose index this process alone writes. */
  dataDir?: string;
}): Promise<SearchRuntime> {
  const { db, engine, logger } = opts;
  // The embedded index lives in this process's memory: hold the data folder's writer lock so command-line tools
  // leave the outbox to us instead of writing the file behind our back. Meilisearch has no local index to guard.
  let lock: WriterLock | null = null;
  if (opts.dataDir && engine.name === "embedded") {
    lock = await acquireWriterLock(opts.dataDir, "app", {
      onWait: (h) => logger.warn(`search: waiting for process ${h.pid} (${h.kind}) to release the search index (${opts.dataDir})`),
    });
  }
  const indexer = createIndexer({ db, engine, logger, ...opts.indexer });
  const rebuilder = createRebuilder({ db, engine, indexer, logger, dataDir: opts.dataDir });
  try {
    await engine.init(opts.settings ?? { synonyms: DEFAULT_SYNONYMS });
    const [indexed, expected, events] = await Promise.all([engine.count(), countPublishedLibraryItems(db.db), countAllEvents(db.db)]);
    if (indexed === 0 && expected + events > 0) {
      const s = await reindexAll(db, engine);
      logger.info(`search: index was empty, rebuilt from the database (${s.library} library items, ${s.events} events, ${s.ms} ms)`);
    }
  } catch (error) {
    logger.warn("search: engine not ready at start; the outbox will catch up when it answers", { error: error instanceof Error ? error.message : String(error) });
  }
  indexer.start();
  // Live rooms turn into archives by the clock, with no write to hook: a sweep queues newly archived threads.
  const sweep = async () => {
    try {
      const queued = await queueArchivedThreads(db.db, new Date(Date.now() - ARCHIVE_AFTER_END_MS).toISOString());
      if (queued) void indexer.kick();
    } catch (error) {
      logger.warn("search: archive sweep failed", { error: error instanceof Error ? error.message : String(error) });
    }
  };
  await sweep();
  const sweepTimer = setInterval(() => void sweep(), opts.archiveSweepMs ?? 60_000);
  sweepTimer.unref();
  // Rebuild requests from `npm run search:reindex` next to us; the same tick watches that we still own the index.
  let lostReported = false;
  const requestTimer = setInterval(() => {
    if (lock && !lock.held() && !lostReported) {
      lostReported = true;
      logger.warn("search: another process took over the search index lock; restart this app");
    }
    try {
      rebuilder.poll();
    } catch (error) {
      logger.warn("search: could not read a rebuild request", { error: error instanceof Error ? error.message : String(error) });
    }
  }, 1000);
  requestTimer.unref();
  rebuilder.poll();
  return {
    engine,
    indexer,
    rebuilder,
    sweepArchives: sweep,
    close: async () => {
      clearInterval(sweepTimer);
      clearInterval(requestTimer);
      await rebuilder.idle();
      await indexer.stop();
      await engine.close();
      lock?.release();
    },
  };
}
