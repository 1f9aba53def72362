import type { DbHandle } from "../../db/index.js";
import { findEventById } from "../../db/repositories/events.js";
import { findLibraryItemsByIds } from "../../db/repositories/library-queries.js";
import { deferOutboxRow, deleteOutboxRows, dueOutboxRows, outboxStats, type OutboxRow } from "../../db/repositories/search-outbox.js";
import { isoFromNow } from "../../db/time.js";
import { eventDocId, eventDocument } from "./documents/event-document.js";
import { libraryDocId, libraryDocument } from "./documents/library-document.js";
import { threadDocId, threadDocument } from "./documents/thread-document.js";
import { findThreadForIndex } from "../../db/repositories/thread-search.js";
import { findNetworkThreadForIndex } from "../../db/repositories/network-search.js";
import { networkThreadDocId, networkThreadDocument } from "./documents/network-thread-document.js";
import { latestAgendaPlainText } from "../../db/repositories/agenda.js";
import type { SearchDocument, SearchEngine } from "../../search/types.js";

type Log = { warn: (msg: string, extra?: Record<string, unknown>) => void; debug: (msg: string, extra?: Record<string, unknown>) => void };

export type IndexerOptions = {
  db: DbHandle;
  engine: SearchEngine;
  logger: Log;
  batchSize?: number;
  /** First retry delay; doubles with every failed attempt up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How often the outbox is polled (changes made by other instances, retries that became due). */
  pollMs?: number;
};

export type Indexer = ReturnType<typeof createIndexer>;

/** The delay before attempt number `attempts + 1`: exponential, capped, with a little jitter so instances spread out. */
export function backoffMs(attempts: number, base: number, max: number): number {
  const raw = Math.min(max, base * 2 ** Math.max(0, attempts - 1));
  return Math.round(raw * (0.9 + Math.random() * 0.2));
}

/**
 * Drains search_outbox into the engine. Applying a row means "make the index match the database now", so repeating it
 * is harmless (idempotent) and several rows for one entity collapse into one. A failing engine only defers rows.
 */
export function createIndexer(opts: IndexerOptions) {
  const db = opts.db.db;
  const batchSize = opts.batchSize ?? 200;
  const base = opts.baseDelayMs ?? 500;
  const max = opts.maxDelayMs ?? 60_000;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function documentsFor(rows: OutboxRow[]): Promise<{ upserts: SearchDocument[]; removals: string[] }> {
    // Last op per entity wins; the database is read now, so an upsert always reflects the latest state.
    const latest = new Map<string, OutboxRow>();
    for (const r of rows) latest.set(`${r.entity}:${r.entityId}`, r);
    const upserts: SearchDocument[] = [];
    const removals: string[] = [];
    const libIds = [...latest.values()].filter((r) => r.entity === "library" && r.op === "upsert").map((r) => r.entityId);
    const items = new Map((await findLibraryItemsByIds(db, libIds)).map((i) => [i.id, i]));
    for (const r of latest.values()) {
      if (r.entity === "library") {
        const item = r.op === "upsert" ? items.get(r.entityId) : undefined;
        if (item && item.status === "published") upserts.push(libraryDocument(item));
        else removals.push(libraryDocId(r.entityId));
      } else if (r.entity === "network_thread") {
        const thread = r.op === "upsert" ? await findNetworkThreadForIndex(db, r.entityId) : undefined;
        if (thread) upserts.push(networkThreadDocument(thread));
        else removals.push(networkThreadDocId(r.entityId));
      } else if (r.entity === "thread") {
        // Queued only once the room is an archive (see queueArchivedThreads); a missing thread is removed.
        const thread = r.op === "upsert" ? await findThreadForIndex(db, r.entityId) : undefined;
        if (thread) upserts.push(threadDocument(thread));
        else removals.push(threadDocId(r.entityId));
      } else {
        const event = r.op === "upsert" ? await findEventById(db, r.entityId) : undefined;
        if (event) upserts.push(eventDocument(event, await latestAgendaPlainText(db, event.id)));
        else removals.push(eventDocId(r.entityId));
      }
    }
    return { upserts, removals };
  }

  /** Applies one batch of due rows; returns how many rows were applied, or -1 when the batch failed. */
  async function drainBatch(): Promise<number> {
    const rows = await dueOutboxRows(db, batchSize);
    if (rows.length === 0) return 0;
    try {
      const { upserts, removals } = await documentsFor(rows);
      if (upserts.length) await opts.engine.upsert(upserts);
      if (removals.length) await opts.engine.remove(removals);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      opts.logger.warn("search indexer: engine unavailable, will retry", { error: message, rows: rows.length });
      for (const r of rows) await deferOutboxRow(db, r.id, r.attempts + 1, isoFromNow(backoffMs(r.attempts + 1, base, max)), message);
      return -1;
    }
    await deleteOutboxRows(db, rows.map((r) => r.id));
    return rows.length;
  }

  async function drainAll(): Promise<void> {
    do {
      again = false;
      for (;;) {
        const n = await drainBatch();
        if (n <= 0 || stopped) break;
      }
    } while (again && !stopped);
  }

  /** Drains now, or once more after the running drain (writes call this right after commit). */
  function kick(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = drainAll()
      .catch((error) => opts.logger.warn("search indexer: drain failed", { error: error instanceof Error ? error.message : String(error) }))
      .finally(() => {
        running = null;
      });
    return running;
  }

  return {
    kick,
    /** Starts polling for due rows. */
    start() {
      stopped = false;
      timer = setInterval(() => void kick(), opts.pollMs ?? 1000);
      timer.unref();
      void kick();
    },
    /** Stops polling and waits for a running drain. */
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
    /** Pending and failing outbox rows. */
    stats: () => outboxStats(db),
    /** Resolves once the outbox is empty, or rejects after timeoutMs (tests, reindex CLI). */
    async waitUntilEmpty(timeoutMs = 10_000): Promise<void> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        await kick();
        if ((await outboxStats(db)).pending === 0) return;
        if (Date.now() > until) throw new Error("search outbox did not drain in time");
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}
