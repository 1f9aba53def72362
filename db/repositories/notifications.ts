import type { Db } from "../index.js";
import type { DigestFrequency, NewNotification, NotificationChannel, NotificationRow } from "../schema.js";
import { nowIso } from "../time.js";

/** Stores one in-app notification; returns its id. */
export async function insertNotification(db: Db, n: Pick<NewNotification, "userId" | "kind" | "title" | "body" | "url">): Promise<number> {
  const row = await db
    .insertInto("notifications")
    .values({ userId: n.userId, kind: n.kind, title: n.title, body: n.body, url: n.url, readAt: null, createdAt: nowIso() })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** How many notifications the person has not read. */
export async function countUnread(db: Db, userId: number): Promise<number> {
  const row = await db.selectFrom("notifications").select((eb) => eb.fn.countAll<number>().as("n")).where("userId", "=", userId).where("readAt", "is", null).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The person's notifications, newest first. */
export function listNotifications(db: Db, userId: number, limit = 100): Promise<Pick<NotificationRow, "id" | "kind" | "title" | "body" | "url" | "readAt" | "createdAt">[]> {
  return db.selectFrom("notifications").select(["id", "kind", "title", "body", "url", "readAt", "createdAt"]).where("userId", "=", userId).orderBy("id", "desc").limit(limit).execute();
}

/** Marks one of the person's notifications read (someone else's id changes nothing). */
export async function markNotificationRead(db: Db, userId: number, id: number): Promise<void> {
  await db.updateTable("notifications").set({ readAt: nowIso() }).where("userId", "=", userId).where("id", "=", id).where("readAt", "is", null).execute();
}

/** Marks all of the person's notifications read. */
export async function markAllNotificationsRead(db: Db, userId: number): Promise<void> {
  await db.updateTable("notifications").set({ readAt: nowIso() }).where("userId", "=", userId).where("readAt", "is", null).execute();
}

/** The channels a person chose, by kind (kinds not listed keep their default). */
export async function listChannelChoices(db: Db, userId: number): Promise<Map<string, NotificationChannel>> {
  const rows = await db.selectFrom("notificationPreferences").select(["kind", "channel"]).where("userId", "=", userId).execute();
  return new Map(rows.map((r) => [r.kind, r.channel]));
}

/** The channel each of these people chose for one kind. */
export async function channelChoicesFor(db: Db, userIds: number[], kind: string): Promise<Map<number, NotificationChannel>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.selectFrom("notificationPreferences").select(["userId", "channel"]).where("kind", "=", kind).where("userId", "in", userIds).execute();
  return new Map(rows.map((r) => [r.userId, r.channel]));
}

/** Sets a person's channel for one kind. */
export async function setChannelChoice(db: Db, userId: number, kind: string, channel: NotificationChannel): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("notificationPreferences").where("userId", "=", userId).where("kind", "=", kind).execute();
    await trx.insertInto("notificationPreferences").values({ userId, kind, channel }).execute();
  });
}

/** The person's digest frequency ("off" until chosen). */
export async function findDigestFrequency(db: Db, userId: number): Promise<DigestFrequency> {
  const row = await db.selectFrom("notificationSettings").select("digest").where("userId", "=", userId).executeTakeFirst();
  return row?.digest ?? "off";
}

/** Sets the person's digest frequency. */
export async function setDigestFrequency(db: Db, userId: number, digest: DigestFrequency): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom("notificationSettings").select("userId").where("userId", "=", userId).executeTakeFirst();
    if (exists) await trx.updateTable("notificationSettings").set({ digest }).where("userId", "=", userId).execute();
    else await trx.insertInto("notificationSettings").values({ userId, digest, digestSentAt: null }).execute();
  });
}

/** Ids of the thematic areas a person follows. */
export async function listFollowedAreaIds(db: Db, userId: number): Promise<number[]> {
  const rows = await db.selectFrom("notificationFollows").select("targetId").where("userId", "=", userId).where("targetType", "=", "area").execute();
  return rows.map((r) => r.targetId);
}

/** Replaces the thematic areas a person follows. */
export async function replaceFollowedAreas(db: Db, userId: number, areaIds: number[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("notificationFollows").where("userId", "=", userId).where("targetType", "=", "area").execute();
    if (areaIds.length) await trx.insertInto("notificationFollows").values(areaIds.map((targetId) => ({ userId, targetType: "area" as const, targetId }))).execute();
  });
}

/** Saves the whole settings form in one transaction: channels per kind, digest frequency, followed areas. */
export async function saveNotificationSettings(db: Db, userId: number, s: { channels: [string, NotificationChannel][]; digest: DigestFrequency; areaIds: number[] }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const kinds = s.channels.map(([k]) => k);
    if (kinds.length) await trx.deleteFrom("notificationPreferences").where("userId", "=", userId).where("kind", "in", kinds).execute();
    if (kinds.length) await trx.insertInto("notificationPreferences").values(s.channels.map(([kind, channel]) => ({ userId, kind, channel }))).execute();
    const exists = await trx.selectFrom("notificationSettings").select("userId").where("userId", "=", userId).executeTakeFirst();
    if (exists) await trx.updateTable("notificationSettings").set({ digest: s.digest }).where("userId", "=", userId).execute();
    else await trx.insertInto("notificationSettings").values({ userId, digest: s.digest, digestSentAt: null }).execute();
    await trx.deleteFrom("notificationFollows").where("userId", "=", userId).where("targetType", "=", "area").execute();
    if (s.areaIds.length) await trx.insertInto("notificationFollows").values(s.areaIds.map((targetId) => ({ userId, targetType: "area" as const, targetId }))).execute();
  });
}

/** People registered for an event (confirmed and waiting list), with what a mail needs. */
export function listRegistrants(db: Db, eventId: number): Promise<{ userId: number; name: string; email: string; status: "confirmed" | "waitlisted" | "cancelled" }[]> {
  return db
    .selectFrom("registrations")
    .innerJoin("users", "users.id", "registrations.userId")
    .select(["users.id as userId", "users.name", "users.email", "registrations.status"])
    .where("registrations.eventId", "=", eventId)
    .where("registrations.status", "in", ["confirmed", "waitlisted"])
    .where("users.disabledAt", "is", null)
    .orderBy("registrations.id")
    .execute();
}

/** Name and address of the people a notification goes to (disabled accounts are left out). */
export function listRecipients(db: Db, userIds: number[]): Promise<{ id: number; name: string; email: string }[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return db.selectFrom("users").select(["id", "name", "email"]).where("id", "in", userIds).where("disabledAt", "is", null).execute();
}

/** People whose digest of this frequency is due: never sent, or last sent before `dueBefore`. */
export function listDueDigests(db: Db, digest: Exclude<DigestFrequency, "off">, dueBefore: string): Promise<{ userId: number; name: string; email: string; digestSentAt: string | null }[]> {
  return db
    .selectFrom("notificationSettings")
    .innerJoin("users", "users.id", "notificationSettings.userId")
    .select(["users.id as userId", "users.name", "users.email", "notificationSettings.digestSentAt"])
    .where("notificationSettings.digest", "=", digest)
    .where((eb) => eb.or([eb("notificationSettings.digestSentAt", "is", null), eb("notificationSettings.digestSentAt", "<", dueBefore)]))
    .where("users.disabledAt", "is", null)
    .orderBy("users.id")
    .execute();
}

/**
 * Claims one person's digest: moves digestSentAt from the value read to `now`. Only one of several instances (or
 * overlapping runs) sees a row change, so each digest is sent once.
 */
export async function claimDigest(db: Db, userId: number, previous: string | null, now: string): Promise<boolean> {
  const r = await db
    .updateTable("notificationSettings")
    .set({ digestSentAt: now })
    .where("userId", "=", userId)
    .where((eb) => (previous === null ? eb("digestSentAt", "is", null) : eb("digestSentAt", "=", previous)))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
