import * as Y from "yjs";
import type { DbHandle } from "../../db/index.js";
import {
  appendAgendaUpdates,
  insertHistorySnapshot,
  lastHistorySnapshotAt,
  loadAgendaState,
  replaceWithSnapshot,
} from "../../db/repositories/agenda-store.js";
import type { Logger } from "../logger.js";
import { OffThreadMerger } from "./merge-off-thread.js";

/** The stored state exists but cannot be decoded: the document must be refused, never served empty. */
export class StoredStateUnreadableError extends Error {
  constructor(
    readonly docName: string,
    readonly rowKind: "snapshot" | "update",
    readonly rowId: number,
    cause: unknown,
  ) {
    super(`stored ${rowKind} ${rowId} of ${docName} cannot be decoded: ${(cause as Error)?.message ?? cause}`);
  }
}

export type PersistenceOptions = { flushMs?: number; compactEvery?: number; historyEveryMs?: number };

/**
 * Append-only Yjs persistence in the main database: updates are batched (at most flushMs, default 1 s) and appended
 * as one merged row per document, all documents of a window in one transaction; every `compactEvery` rows a
 * background compaction folds the rows it read into one snapshot. Loading decodes every row and throws StoredStateUnreadableError instead of returning a partial or
 * empty document.
 */
export class AgendaPersistence {
  private pending = new Map<string, Uint8Array[]>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private rowsSinceCompaction = new Map<string, number>();
  private compacting = new Map<string, Promise<void>>();
  private readonly flushMs: number;
  private readonly compactEvery: number;
  private readonly historyEveryMs: number;
  private readonly merger = new OffThreadMerger();

  constructor(
    private db: DbHandle,
    private logger: Logger,
    opts: PersistenceOptions = {},
  ) {
    // 1 s, as collaborative editors batch their writes (Hocuspocus waits 2 s): a window's updates stay in memory only
    // while someone is connected, and every connected client holds them and sends them again after a crash; the hub
    // flushes at once when a document's last client leaves. With 90 ms windows each 50-person editing minute was
    // 660 commits and 660 rows to compact, for changes the connected clients held anyway.
    this.flushMs = opts.flushMs ?? 1000;
    this.compactEvery = opts.compactEvery ?? 1000;
    this.historyEveryMs = opts.historyEveryMs ?? 10 * 60_000;
  }

  /** Loads a document's stored state into `doc` (origin "load"); returns the encoded size in bytes. */
  async load(docName: string, doc: Y.Doc): Promise<number> {
    const state = await loadAgendaState(this.db.db, docName);
    let bytes = 0;
    const apply = (kind: "snapshot" | "update", row: { id: number; data: Uint8Array }) => {
      try {
        // Decoding first catches garbage that applyUpdate might otherwise half-apply.
        Y.decodeUpdate(row.data);
        Y.applyUpdate(doc, row.data, "load");
      } catch (error) {
        throw new StoredStateUnreadableError(docName, kind, row.id, error);
      }
      bytes += row.data.byteLength;
    };
    for (const s of state.snapshots) apply("snapshot", s);
    for (const u of state.updates) apply("update", u);
    if (doc.store.pendingStructs || doc.store.pendingDs) {
      // Missing dependencies: what is present is served (nothing is lost or overwritten); clients fill the gap.
      this.logger.warn("agenda: stored state has missing dependencies", { docName });
    }
    this.rowsSinceCompaction.set(docName, state.updates.length);
    return bytes;
  }

  /** Queues an update for the next batch. */
  store(docName: string, update: Uint8Array): void {
    let list = this.pending.get(docName);
    if (!list) this.pending.set(docName, (list = []));
    list.push(update);
    this.timer ??= setTimeout(() => void this.flush(), this.flushMs);
  }

  /** Writes every queued update now; resolves when they are committed. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = [...this.pending];
    this.pending.clear();
    this.flushing = this.flushing.then(async () => {
      if (batch.length === 0) return;
      const rows = batch.map(([docName, updates]) => ({ docName, update: updates.length === 1 ? updates[0] : Y.mergeUpdates(updates) }));
      try {
        // Every document of the window in one transaction (one commit, however many documents are open).
        await appendAgendaUpdates(this.db.db, rows);
      } catch (error) {
        // Keep the updates for the next attempt rather than dropping them.
        this.logger.error("agenda: append failed, will retry", { docs: rows.length, error });
        for (const row of rows) this.store(row.docName, row.update);
        return;
      }
      for (const { docName } of rows) {
        const n = (this.rowsSinceCompaction.get(docName) ?? 0) + 1;
        this.rowsSinceCompaction.set(docName, n);
        if (n >= this.compactEvery) this.compactInBackground(docName);
      }
    });
    return this.flushing;
  }

  /** Starts a compaction unless one is running for the document. */
  compactInBackground(docName: string): void {
    if (this.compacting.has(docName)) return;
    this.rowsSinceCompaction.set(docName, 0);
    const run = this.compact(docName)
      .catch((error) => this.logger.error("agenda: compaction failed", { docName, error }))
      .finally(() => this.compacting.delete(docName));
    this.compacting.set(docName, run);
  }

  /**
   * Folds the stored rows of a document into one snapshot. Works from the database rows, not from memory, and deletes
   * exactly the rows it merged; a row that does not decode stops the compaction and nothing is changed.
   */
  async compact(docName: string): Promise<void> {
    const state = await loadAgendaState(this.db.db, docName);
    if (state.snapshots.length + state.updates.length <= 1) return;
    // mergeUpdates parses every row and throws on one that does not decode: then nothing is written or deleted.
    // It runs in a worker thread: merging a large document takes long enough to delay every live connection.
    const merged = await this.merger.merge([...state.snapshots, ...state.updates].map((r) => r.data));
    await replaceWithSnapshot(
      this.db.db,
      docName,
      merged,
      state.snapshots.map((s) => s.id),
      state.updates.map((u) => u.id),
    );
  }

  /** Takes a history snapshot of the live document if the last one is older than historyEveryMs; true if taken. */
  async maybeHistorySnapshot(docName: string, doc: Y.Doc, force = false): Promise<boolean> {
    const last = await lastHistorySnapshotAt(this.db.db, docName);
    if (!force && last && Date.now() - Date.parse(last) < this.historyEveryMs) return false;
    await insertHistorySnapshot(this.db.db, docName, Y.encodeStateAsUpdate(doc));
    return true;
  }

  /**
   * Stores a whole document (last client left, or shutdown): its full state as one row, so updates received from other
   * instances are kept too, then compacts.
   */
  async storeDocument(docName: string, doc: Y.Doc): Promise<void> {
    this.store(docName, Y.encodeStateAsUpdate(doc));
    await this.flush();
    await this.compacting.get(docName);
    await this.compact(docName).catch((error) => this.logger.error("agenda: compaction on store failed", { docName, error }));
  }

  /** Waits for pending writes and compactions. */
  async close(): Promise<void> {
    await this.flush();
    await Promise.all(this.compacting.values());
    await this.merger.close();
  }
}
