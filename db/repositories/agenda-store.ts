import { sql } from "kysely";
import type { Db } from "../index.js";
import { preparedQuery } from "../prepared-query.js";
import { nowIso } from "../time.js";

export type StoredDocState = { snapshots: { id: number; data: Uint8Array }[]; updates: { id: number; data: Uint8Array }[] };

/** One document's merged update of a batching window. */
export type AgendaUpdateRow = { docName: string; update: Uint8Array };

/**
 * Appends the batching window's updates (one merged update per document) in one transaction: one commit per window
 * instead of one per open document (on SQLite each commit appends the touched pages to the WAL again; on PostgreSQL
 * each waits for its WAL flush). The insert is prepared: building it with kysely each time (its values parser walks
 * every value) cost more than SQLite's own insert (issue 16, bench:agenda profile).
 */
export async function appendAgendaUpdates(db: Db, rows: AgendaUpdateRow[]): Promise<void> {
  if (rows.length === 0) return;
  const createdAt = nowIso();
  const append = (d: Db, row: AgendaUpdateRow) => appendUpdateQuery(d, row.docName, Buffer.from(row.update.buffer, row.update.byteOffset, row.update.byteLength), createdAt);
  if (rows.length === 1) return void (await append(db, rows[0]));
  await db.transaction().execute(async (trx) => {
    for (const row of rows) await append(trx, row);
  });
}

const appendUpdateQuery = preparedQuery((db: Db, docName: string, data: Buffer, createdAt: string) => db.insertInto("agendaUpdates").values({ docName, data, createdAt }));

/** Everything needed to rebuild a document: its compacted snapshots (normally one) and the updates appended since. */
// Every document opened reads this, so it is one prepared query (built and compiled once): the snapshots first, then
// the updates, each in id order.
const storedStateQuery = preparedQuery((db: Db, docName: string) =>
  db
    .selectFrom("agendaSnapshots")
    .select(["id", "data", sql<number>`0`.as("isUpdate")])
    .where("docName", "=", docName)
    .where("kind", "=", "compacted")
    .unionAll(db.selectFrom("agendaUpdates").select(["id", "data", sql<number>`1`.as("isUpdate")]).where("docName", "=", docName))
    .orderBy("isUpdate")
    .orderBy("id"),
);

export async function loadAgendaState(db: Db, docName: string): Promise<StoredDocState> {
  const state: StoredDocState = { snapshots: [], updates: [] };
  for (const r of await storedStateQuery(db, docName)) (Number(r.isUpdate) === 1 ? state.updates : state.snapshots).push({ id: r.id, data: new Uint8Array(r.data) });
  return state;
}

/**
 * Replaces exactly the rows that were read (snapshot ids and update ids) with one merged snapshot, in one
 * transaction. Rows appended meanwhile are left alone, so concurrent compactors on several instances never lose data.
 */
export async function replaceWithSnapshot(db: Db, docName: string, merged: Uint8Array, readSnapshotIds: number[], readUpdateIds: number[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto("agendaSnapshots").values({ docName, kind: "compacted", data: Buffer.from(merged), createdAt: nowIso() }).execute();
    for (let i = 0; i < readUpdateIds.length; i += 500) {
      await trx.deleteFrom("agendaUpdates").where("id", "in", readUpdateIds.slice(i, i + 500)).execute();
    }
    if (readSnapshotIds.length) await trx.deleteFrom("agendaSnapshots").where("id", "in", readSnapshotIds).execute();
  });
}

/** Stores a history snapshot (kept for the version list). */
export async function insertHistorySnapshot(db: Db, docName: string, data: Uint8Array): Promise<number> {
  const row = await db
    .insertInto("agendaSnapshots")
    .values({ docName, kind: "history", data: Buffer.from(data), createdAt: nowIso() })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** When the newest history snapshot of a document was taken, if any. */
export async function lastHistorySnapshotAt(db: Db, docName: string): Promise<string | null> {
  const row = await db
    .selectFrom("agendaSnapshots")
    .select("createdAt")
    .where("docName", "=", docName)
    .where("kind", "=", "history")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.createdAt ?? null;
}

/** History snapshots of a document, newest first (metadata only). */
export function listHistorySnapshots(db: Db, docName: string, limit = 50) {
  return db
    .selectFrom("agendaSnapshots")
    .select(["id", "createdAt"])
    .where("docName", "=", docName)
    .where("kind", "=", "history")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/** One history snapshot's state. */
export async function findHistorySnapshot(db: Db, docName: string, id: number): Promise<Uint8Array | null> {
  const row = await db
    .selectFrom("agendaSnapshots")
    .select("data")
    .where("docName", "=", docName)
    .where("kind", "=", "history")
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? new Uint8Array(row.data) : null;
}

/** Number of pending (uncompacted) updates of a document. */
export async function countAgendaUpdates(db: Db, docName: string): Promise<number> {
  const row = await db
    .selectFrom("agendaUpdates")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("docName", "=", docName)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
