import type { Db } from "../index.js";
import type { Selectable } from "kysely";
import type { City, LiveMessagesTable, User } from "../schema.js";
import { nowIso } from "../time.js";

/** A message as the room shows it: its columns (but who answered) plus the author's name and city. */
export type LiveMessageRow = Omit<Selectable<LiveMessagesTable>, "answeredBy"> & { authorName: User["name"] | null; authorCity: City["name"] | null };

export type LiveMessagePatch = Partial<Pick<LiveMessagesTable, "body" | "pinned" | "answeredAt" | "answer" | "answeredBy" | "hiddenAt" | "hiddenReason" | "editedAt" | "deletedAt">>;

function selectMessages(db: Db) {
  return db
    .selectFrom("liveMessages as m")
    .leftJoin("users as u", "u.id", "m.authorId")
    .leftJoin("cities as c", "c.id", "u.verifiedCityId") // a question speaks for a city only once verified
    .select([
      "m.id",
      "m.eventId",
      "m.threadId",
      "m.parentId",
      "m.authorId",
      "u.name as authorName",
      "c.name as authorCity",
      "m.kind",
      "m.body",
      "m.rev",
      "m.votes",
      "m.pinned",
      "m.answeredAt",
      "m.answer",
      "m.hiddenAt",
      "m.hiddenReason",
      "m.editedAt",
      "m.deletedAt",
      "m.createdAt",
    ]);
}

// Takes the next per-event revision; the UPDATE locks the room row (PostgreSQL) or the database (SQLite), so
// revisions commit in order and a `since` cursor never skips a change that commits later.
async function nextRev(trx: Db, eventId: number): Promise<number> {
  const row = await trx.updateTable("liveRooms").set((eb) => ({ rev: eb("rev", "+", 1) })).where("eventId", "=", eventId).returning("rev").executeTakeFirstOrThrow();
  return row.rev;
}

/** One message with its author, by id. */
export function findLiveMessage(db: Db, id: number): Promise<LiveMessageRow | undefined> {
  return selectMessages(db).where("m.id", "=", id).executeTakeFirst();
}

/** Stores a new message under the next revision and returns it as committed. */
export async function insertLiveMessage(
  db: Db,
  m: { eventId: number; threadId: number; parentId: number | null; authorId: number; kind: LiveMessagesTable["kind"]; body: string },
): Promise<LiveMessageRow> {
  const id = await db.transaction().execute(async (trx) => {
    const rev = await nextRev(trx, m.eventId);
    const row = await trx
      .insertInto("liveMessages")
      .values({ ...m, rev, votes: 0, pinned: 0, createdAt: nowIso() })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  });
  return (await findLiveMessage(db, id))!;
}

/** Applies a change under the next revision and returns the message as committed. */
export async function updateLiveMessage(db: Db, eventId: number, id: number, patch: LiveMessagePatch): Promise<LiveMessageRow> {
  await db.transaction().execute(async (trx) => {
    const rev = await nextRev(trx, eventId);
    await trx.updateTable("liveMessages").set({ ...patch, rev }).where("id", "=", id).execute();
  });
  return (await findLiveMessage(db, id))!;
}

/** Sets (value 1) or takes back (value 0) a user's vote; the count and revision change only when the vote did. */
export async function setLiveVote(db: Db, eventId: number, messageId: number, userId: number, value: 0 | 1): Promise<{ message: LiveMessageRow; changed: boolean }> {
  const changed = await db.transaction().execute(async (trx) => {
    let n: number;
    if (value === 1) {
      const r = await trx
        .insertInto("liveVotes")
        .values({ messageId, userId, createdAt: nowIso() })
        .onConflict((oc) => oc.columns(["messageId", "userId"]).doNothing())
        .executeTakeFirst();
      n = Number(r.numInsertedOrUpdatedRows ?? 0);
    } else {
      const r = await trx.deleteFrom("liveVotes").where("messageId", "=", messageId).where("userId", "=", userId).executeTakeFirst();
      n = Number(r.numDeletedRows ?? 0);
    }
    if (n === 0) return false;
    const rev = await nextRev(trx, eventId);
    const count = await trx.selectFrom("liveVotes").select((eb) => eb.fn.countAll<number>().as("n")).where("messageId", "=", messageId).executeTakeFirstOrThrow();
    await trx.updateTable("liveMessages").set({ votes: Number(count.n), rev }).where("id", "=", messageId).execute();
    return true;
  });
  return { message: (await findLiveMessage(db, messageId))!, changed };
}

/** Messages of a thread changed after revision `since`, oldest change first. */
export function liveMessagesSince(db: Db, threadId: number, since: number, limit: number): Promise<LiveMessageRow[]> {
  return selectMessages(db).where("m.threadId", "=", threadId).where("m.rev", ">", since).orderBy("m.rev").limit(limit).execute();
}

/** Ids of the messages in a thread the user has voted for. */
export async function myLiveVotes(db: Db, threadId: number, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("liveVotes as v")
    .innerJoin("liveMessages as m", "m.id", "v.messageId")
    .select("v.messageId")
    .where("m.threadId", "=", threadId)
    .where("v.userId", "=", userId)
    .execute();
  return rows.map((r) => r.messageId);
}

/** Every question of an event (not deleted), most votes first, for CSV export and FAQ publishing. */
export function listLiveQuestions(db: Db, eventId: number): Promise<LiveMessageRow[]> {
  return selectMessages(db).where("m.eventId", "=", eventId).where("m.kind", "=", "question").where("m.deletedAt", "is", null).orderBy("m.votes", "desc").orderBy("m.id").execute();
}

/** Counts for the room report. */
export async function liveCounts(db: Db, eventId: number): Promise<{ messages: number; questions: number; answered: number }> {
  const row = await db
    .selectFrom("liveMessages")
    .select((eb) => [
      eb.fn.countAll<number>().as("messages"),
      eb.fn.sum<number>(eb.case().when("kind", "=", "question").then(1).else(0).end()).as("questions"),
      eb.fn.sum<number>(eb.case().when(eb.and([eb("kind", "=", "question"), eb("answeredAt", "is not", null)])).then(1).else(0).end()).as("answered"),
    ])
    .where("eventId", "=", eventId)
    .where("deletedAt", "is", null)
    .executeTakeFirstOrThrow();
  return { messages: Number(row.messages ?? 0), questions: Number(row.questions ?? 0), answered: Number(row.answered ?? 0) };
}
