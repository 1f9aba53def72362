import type { Selectable } from "kysely";
import type { Db } from "../index.js";
import type { LiveRoomsTable, LiveThreadsTable } from "../schema.js";
import { nowIso } from "../time.js";

export type LiveRoomRow = Pick<Selectable<LiveRoomsTable>, "eventId" | "override" | "opensBeforeMinutes" | "rev" | "peakParticipants">;
export type LiveThreadRow = Pick<Selectable<LiveThreadsTable>, "id" | "eventId" | "kind" | "title" | "position">;

/** Returns the event's room, creating it together with its default Q&A thread on first use. */
export async function ensureLiveRoom(db: Db, eventId: number, qaTitle: string): Promise<LiveRoomRow> {
  const existing = await findLiveRoom(db, eventId);
  if (existing) return existing;
  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    const inserted = await trx
      .insertInto("liveRooms")
      .values({ eventId, override: null, opensBeforeMinutes: 30, rev: 0, peakParticipants: 0, createdAt: now, updatedAt: now })
      .onConflict((oc) => oc.column("eventId").doNothing())
      .returning("eventId")
      .executeTakeFirst();
    // Only the transaction that created the room adds the Q&A thread, so two instances never add two.
    if (inserted) await trx.insertInto("liveThreads").values({ eventId, kind: "qa", title: qaTitle, position: 0, createdBy: null, createdAt: now }).execute();
  });
  return (await findLiveRoom(db, eventId))!;
}

/** The room row of an event, if it was ever opened. */
export function findLiveRoom(db: Db, eventId: number): Promise<LiveRoomRow | undefined> {
  return db.selectFrom("liveRooms").select(["eventId", "override", "opensBeforeMinutes", "rev", "peakParticipants"]).where("eventId", "=", eventId).executeTakeFirst();
}

/** Sets or clears (null) the moderator's open/closed override. */
export async function setLiveRoomOverride(db: Db, eventId: number, override: LiveRoomRow["override"]): Promise<void> {
  await db.updateTable("liveRooms").set({ override, updatedAt: nowIso() }).where("eventId", "=", eventId).execute();
}

/** Raises the recorded peak when `count` exceeds it. */
export async function recordLivePeak(db: Db, eventId: number, count: number): Promise<void> {
  await db.updateTable("liveRooms").set({ peakParticipants: count }).where("eventId", "=", eventId).where("peakParticipants", "<", count).execute();
}

/** Threads of an event: Q&A first, then discussions in creation order. */
export function listLiveThreads(db: Db, eventId: number): Promise<LiveThreadRow[]> {
  return db.selectFrom("liveThreads").select(["id", "eventId", "kind", "title", "position"]).where("eventId", "=", eventId).orderBy("position").orderBy("id").execute();
}

/** One thread by id. */
export function findLiveThread(db: Db, id: number): Promise<LiveThreadRow | undefined> {
  return db.selectFrom("liveThreads").select(["id", "eventId", "kind", "title", "position"]).where("id", "=", id).executeTakeFirst();
}

/** Adds a discussion thread at the end of the list. */
export async function insertLiveThread(db: Db, eventId: number, title: string, createdBy: number): Promise<LiveThreadRow> {
  const row = await db
    .insertInto("liveThreads")
    .values({ eventId, kind: "discussion", title, position: 1, createdBy, createdAt: nowIso() })
    .returning(["id", "eventId", "kind", "title", "position"])
    .executeTakeFirstOrThrow();
  return row;
}

/** Marks a user as removed from the room (idempotent). */
export async function insertLiveRemoval(db: Db, eventId: number, userId: number, removedBy: number, reason: string | null): Promise<void> {
  await db
    .insertInto("liveRemovals")
    .values({ eventId, userId, removedBy, reason, createdAt: nowIso() })
    .onConflict((oc) => oc.columns(["eventId", "userId"]).doNothing())
    .execute();
}

/** True when a moderator removed the user from this event's room. */
export async function isRemovedFromLive(db: Db, eventId: number, userId: number): Promise<boolean> {
  return Boolean(await db.selectFrom("liveRemovals").select("userId").where("eventId", "=", eventId).where("userId", "=", userId).executeTakeFirst());
}
