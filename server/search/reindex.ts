import type { DbHandle } from "../../db/index.js";
import { countAllEvents, listEvents } from "../../db/repositories/events.js";
import { countPublishedLibraryItems, publishedLibraryItemsAfter } from "../../db/repositories/library-queries.js";
import { clearOutboxUpTo, maxOutboxId } from "../../db/repositories/search-outbox.js";
import { archivedThreadIdsAfter, findThreadForIndex } from "../../db/repositories/thread-search.js";
import { ARCHIVE_AFTER_END_MS } from "../../domain/live-timings.js";
import { threadDocument } from "./documents/thread-document.js";
import { findNetworkThreadForIndex, networkThreadIdsAfter } from "../../db/repositories/network-search.js";
import { networkThreadDocument } from "./documents/network-thread-document.js";
import { latestAgendaPlainText } from "../../db/repositories/agenda.js";
import { eventDocument } from "./documents/event-document.js";
import { libraryDocument } from "./documents/library-document.js";
import type { SearchEngine } from "../../search/types.js";

export type ReindexSummary = { library: number; events: number; threads: number; total: number; ms: number };
export type ReindexProgress = { phase: "library" | "events" | "threads"; done: number; total: number };

/**
 * Rebuilds the index from the database: clears it, then upserts every published library item and every event in
 * batches. Outbox rows queued before the rebuild started are covered by it and removed; later ones stay queued.
 */
export async function reindexAll(handle: DbHandle, engine: SearchEngine, onProgress?: (p: ReindexProgress) => void, batch = 500): Promise<ReindexSummary> {
  const started = Date.now();
  const coveredUpTo = await maxOutboxId(handle.db);
  await engine.clear();

  const libTotal = await countPublishedLibraryItems(handle.db);
  let library = 0;
  for (let after = 0; ; ) {
    const items = await publishedLibraryItemsAfter(handle.db, after, batch);
    if (items.length === 0) break;
    await engine.upsert(items.map(libraryDocument));
    library += items.length;
    after = items[items.length - 1].id;
    onProgress?.({ phase: "library", done: library, total: libTotal });
  }

  const evTotal = await countAllEvents(handle.db);
  let events = 0;
  for (let offset = 0; ; offset += batch) {
    const rows = await listEvents(handle.db, { when: "all", includeCancelled: true, limit: batch, offset });
    if (rows.length === 0) break;
    const docs = [];
    for (const e of rows) docs.push(eventDocument(e, await latestAgendaPlainText(handle.db, e.id)));
    await engine.upsert(docs);
    events += rows.length;
    onProgress?.({ phase: "events", done: events, total: evTotal });
  }

  // Thread archives: rooms become read-only archives a while after their event ends.
  const endedBefore = new Date(Date.now() - ARCHIVE_AFTER_END_MS).toISOString();
  let threads = 0;
  for (let after = 0; ; ) {
    const ids = await archivedThreadIdsAfter(handle.db, endedBefore, after, batch);
    if (ids.length === 0) break;
    const docs = [];
    for (const id of ids) {
      const thread = await findThreadForIndex(handle.db, id);
      if (thread) docs.push(threadDocument(thread));
    }
    await engine.upsert(docs);
    threads += docs.length;
    after = ids[ids.length - 1];
    onProgress?.({ phase: "threads", done: threads, total: threads });
  }

  // Network discussions (members-only documents) count with the threads.
  for (let after = 0; ; ) {
    const ids = await networkThreadIdsAfter(handle.db, after, batch);
    if (ids.length === 0) break;
    const docs = [];
    for (const id of ids) {
      const thread = await findNetworkThreadForIndex(handle.db, id);
      if (thread) docs.push(networkThreadDocument(thread));
    }
    await engine.upsert(docs);
    threads += docs.length;
    after = ids[ids.length - 1];
    onProgress?.({ phase: "threads", done: threads, total: threads });
  }

  await clearOutboxUpTo(handle.db, coveredUpTo);
  return { library, events, threads, total: library + events + threads, ms: Date.now() - started };
}
