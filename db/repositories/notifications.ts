import type { Db } from "../index.js";
import type { DigestFrequency, FollowTarget, NewNotification, NotificationChannel, NotificationDigestsTable, NotificationRow } from "../schema.js";
import type { Followed } from "./digest.js";
import { nowIso } from "../time.js";
import { listRepresentativesOf } from "./survey-invitations.js";

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

/** Saves the whole settings form in one transaction: channels per kind, digest frequency, followed areas, cities and networks. */
export async function saveNotificationSettings(db: Db, userId: number, s: { channels: [string, NotificationChannel][]; digest: DigestFrequency; follows: Followed }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const kinds = s.channels.map(([k]) => k);
    if (kinds.length) await trx.deleteFrom("notificationPreferences").where("userId", "=", userId).where("kind", "in", kinds).execute();
    if (kinds.length) await trx.insertInto("notificationPreferences").values(s.channels.map(([kind, channel]) => ({ userId, kind, channel }))).execute();
    const exists = await trx.selectFrom("notificationSettings").select("userId").where("userId", "=", userId).executeTakeFirst();
    if (exists) await trx.updateTable("notificationSettings").set({ digest: s.digest }).where("userId", "=", userId).execute();
    else await trx.insertInto("notificationSettings").values({ userId, digest: s.digest, digestSentAt: null }).execute();
    await trx.deleteFrom("notificationFollows").where("userId", "=", userId).execute();
    const rows = [
      ...s.follows.areaIds.map((targetId) => ({ userId, targetType: "area" as const, targetId })),
      ...s.follows.cityIds.map((targetId) => ({ userId, targetType: "city" as const, targetId })),
      ...s.follows.networkIds.map((targetId) => ({ userId, targetType: "network" as const, targetId })),
    ];
    if (rows.length) await trx.insertInto("notificationFollows").values(rows).execute();
  });
}

/** Everything a person follows, by kind of target. */
export async function listFollowed(db: Db, userId: number): Promise<Followed> {
  const rows = await db.selectFrom("notificationFollows").select(["targetType", "targetId"]).where("userId", "=", userId).execute();
  const of = (type: FollowTarget) => rows.filter((r) => r.targetType === type).map((r) => r.targetId);
  return { areaIds: of("area"), cityIds: of("city"), networkIds: of("network") };
}

/** Whether a person follows one city or network. */
export async function isFollowing(db: Db, userId: number, targetType: FollowTarget, targetId: number): Promise<boolean> {
  const row = await db.selectFrom("notificationFollows").select("userId").where("userId", "=", userId).where("targetType", "=", targetType).where("targetId", "=", targetId).executeTakeFirst();
  return row !== undefined;
}

/** Starts or stops following one target (following twice keeps one row). */
export async function setFollowing(db: Db, userId: number, targetType: FollowTarget, targetId: number, on: boolean): Promise<void> {
  if (!on) {
    await db.deleteFrom("notificationFollows").where("userId", "=", userId).where("targetType", "=", targetType).where("targetId", "=", targetId).execute();
    return;
  }
  await db
    .insertInto("notificationFollows")
    .values({ userId, targetType, targetId })
    .onConflict((oc) => oc.columns(["userId", "targetType", "targetId"]).doNothing())
    .execute();
}

/** Active people holding a verified city among these (the people a city's invitation goes to). */
export async function listPeopleOfCities(db: Db, cityIds: number[]): Promise<number[]> {
  // The same people a survey invitation reaches: one query for "a city's verified representatives".
  return (await listRepresentativesOf(db, cityIds)).map((r) => r.id);
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

/** People who chose a digest of this frequency, with what a mail needs. */
export function listDigestSubscribers(db: Db, digest: Exclude<DigestFrequency, "off">): Promise<{ userId: number; name: string; email: string }[]> {
  return db
    .selectFrom("notificationSettings")
    .innerJoin("users", "users.id", "notificationSettings.userId")
    .select(["users.id as userId", "users.name", "users.email"])
    .where("notificationSettings.digest", "=", digest)
    .where("users.disabledAt", "is", null)
    .orderBy("users.id")
    .execute();
}

/** Whether the person's digest for this period was already handled. */
export async function hasDigestFor(db: Db, userId: number, period: string): Promise<boolean> {
  const row = await db.selectFrom("notificationDigests").select("userId").where("userId", "=", userId).where("period", "=", period).executeTakeFirst();
  return row !== undefined;
}

/** When the person's last digest was handled (what the next one starts from), or null. */
export async function lastDigestAt(db: Db, userId: number): Promise<string | null> {
  const row = await db.selectFrom("notificationDigests").select((eb) => eb.fn.max("sentAt").as("at")).where("userId", "=", userId).executeTakeFirst();
  return (row?.at as string | null | undefined) ?? null;
}

/**
 * Claims one person's digest for one period by inserting its record; false when it exists (another instance, an
 * overlapping run or a retried job handled it), so each period's digest goes out once.
 */
export async function claimDigestPeriod(db: Db, row: NotificationDigestsTable): Promise<boolean> {
  const inserted = await db
    .insertInto("notificationDigests")
    .values({ userId: row.userId, period: row.period, frequency: row.frequency, libraryItems: row.libraryItems, events: row.events, sentAt: row.sentAt })
    .onConflict((oc) => oc.columns(["userId", "period"]).doNothing())
    .returning("userId")
    .executeTakeFirst();
  return inserted !== undefined;
}
