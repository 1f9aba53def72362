import type { Db } from "../index.js";
import { nowIso } from "../time.js";
import { enqueueSearchChange } from "./search-outbox.js";

export type ThreadForIndex = {
  id: number;
  kind: "qa" | "discussion";
  title: string;
  event: { id: number; slug: string; title: string; startsAt: string; endsAt: string };
  areas: string[];
  messages: { kind: "comment" | "question"; body: string; answer: string | null }[];
};

// Threads whose event ended before the cutoff: their rooms are read-only archives.
function endedThreads(db: Db, endedBefore: string) {
  return db
    .selectFrom("liveThreads")
    .innerJoin("events", "events.id", "liveThreads.eventId")
    .select("liveThreads.id")
    .where("events.endsAt", "<=", endedBefore)
    .orderBy("liveThreads.id");
}

/**
 * Queues, once, every thread whose event ended before `endedBefore` (its room is then a read-only archive): the outbox
 * rows and the thread's mark are written in one transaction. Returns how many threads were queued.
 */
export async function queueArchivedThreads(db: Db, endedBefore: string, limit = 500): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await endedThreads(trx, endedBefore).where("liveThreads.archiveQueuedAt", "is", null).limit(limit).execute();
    if (rows.length === 0) return 0;
    const ids = rows.map((r) => r.id);
    for (const id of ids) await enqueueSearchChange(trx, "thread", id);
    await trx.updateTable("liveThreads").set({ archiveQueuedAt: nowIso() }).where("id", "in", ids).execute();
    return ids.length;
  });
}

/** A thread with its event and the messages the public may read (not hidden, not deleted), oldest first. */
export async function findThreadForIndex(db: Db, threadId: number): Promise<ThreadForIndex | undefined> {
  const thread = await db
    .selectFrom("liveThreads")
    .innerJoin("events", "events.id", "liveThreads.eventId")
    .select(["liveThreads.id", "liveThreads.kind", "liveThreads.title", "events.id as eventId", "events.slug", "events.title as eventTitle", "events.startsAt", "events.endsAt"])
    .where("liveThreads.id", "=", threadId)
    .executeTakeFirst();
  if (!thread) return undefined;
  const [messages, areas] = await Promise.all([
    db
      .selectFrom("liveMessages")
      .select(["kind", "body", "answer"])
      .where("threadId", "=", threadId)
      .where("hiddenAt", "is", null)
      .where("deletedAt", "is", null)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("eventAreas")
      .innerJoin("thematicAreas", "thematicAreas.id", "eventAreas.areaId")
      .select("thematicAreas.slug")
      .where("eventAreas.eventId", "=", thread.eventId)
      .execute(),
  ]);
  return {
    id: thread.id,
    kind: thread.kind,
    title: thread.title,
    event: { id: thread.eventId, slug: thread.slug, title: thread.eventTitle, startsAt: thread.startsAt, endsAt: thread.endsAt },
    areas: areas.map((a) => a.slug),
    messages,
  };
}

/** Ids of threads whose event ended before `endedBefore`, after `afterId`, for a full reindex. */
export async function archivedThreadIdsAfter(db: Db, endedBefore: string, afterId: number, limit: number): Promise<number[]> {
  const rows = await endedThreads(db, endedBefore).where("liveThreads.id", ">", afterId).limit(limit).execute();
  return rows.map((r) => r.id);
}
