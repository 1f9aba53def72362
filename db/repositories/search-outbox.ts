import type { Db } from "../index.js";
import type { Selectable } from "kysely";
import type { SearchOutboxTable } from "../schema.js";
import { nowIso } from "../time.js";

export type OutboxEntity = SearchOutboxTable["entity"];
export type OutboxOp = SearchOutboxTable["op"];
export type OutboxRow = Pick<Selectable<SearchOutboxTable>, "id" | "entity" | "entityId" | "op" | "attempts">;

/** Queues an index change; call it with the transaction that wrote the content so both commit or neither does. */
export async function enqueueSearchChange(db: Db, entity: OutboxEntity, entityId: number, op: OutboxOp = "upsert"): Promise<void> {
  const now = nowIso();
  await db.insertInto("searchOutbox").values({ entity, entityId, op, attempts: 0, nextAttemptAt: now, lastError: null, createdAt: now }).execute();
}

/** Outbox rows whose next attempt is due, oldest first. */
export function dueOutboxRows(db: Db, limit: number, now = nowIso()): Promise<OutboxRow[]> {
  return db
    .selectFrom("searchOutbox")
    .select(["id", "entity", "entityId", "op", "attempts"])
    .where("nextAttemptAt", "<=", now)
    .orderBy("id")
    .limit(limit)
    .execute();
}

/** Deletes rows that were applied to the index. */
export async function deleteOutboxRows(db: Db, ids: number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await db.deleteFrom("searchOutbox").where("id", "in", ids.slice(i, i + 500)).execute();
  }
}

/** Records a failed attempt and when to try again. */
export async function deferOutboxRow(db: Db, id: number, attempts: number, nextAttemptAt: string, error: string): Promise<void> {
  await db.updateTable("searchOutbox").set({ attempts, nextAttemptAt, lastError: error.slice(0, 1000) }).where("id", "=", id).execute();
}

/** Makes every deferred row due now (the engine is back; no need to wait out the backoff). */
export async function retryOutboxNow(db: Db): Promise<void> {
  await db.updateTable("searchOutbox").set({ nextAttemptAt: nowIso() }).where("attempts", ">", 0).execute();
}

/** Pending rows and the oldest one's age, for health output and tests. */
export async function outboxStats(db: Db): Promise<{ pending: number; failing: number }> {
  const row = await db
    .selectFrom("searchOutbox")
    .select((eb) => [eb.fn.countAll<number>().as("pending"), eb.fn.sum<number>(eb.case().when("attempts", ">", 0).then(1).else(0).end()).as("failing")])
    .executeTakeFirstOrThrow();
  return { pending: Number(row.pending ?? 0), failing: Number(row.failing ?? 0) };
}

/** Empties the outbox (reindex rebuilds everything, so queued changes are covered). */
export async function clearOutboxUpTo(db: Db, maxId: number): Promise<void> {
  await db.deleteFrom("searchOutbox").where("id", "<=", maxId).execute();
}

/** The highest outbox id right now (0 when empty). */
export async function maxOutboxId(db: Db): Promise<number> {
  const row = await db.selectFrom("searchOutbox").select((eb) => eb.fn.max("id").as("m")).executeTakeFirst();
  return Number(row?.m ?? 0);
}
