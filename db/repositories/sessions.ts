import type { Insertable, Selectable } from "kysely";
import type { Db } from "../index.js";
import { preparedQuery } from "../prepared-query.js";
import type { City, SessionsTable, User } from "../schema.js";
import { nowIso } from "../time.js";

export type SessionUser = Pick<User, "id" | "email" | "name" | "role" | "affiliation"> &
  Pick<Selectable<SessionsTable>, "expiresAt" | "lastSeenAt"> & {
    sessionId: SessionsTable["id"];
    /** The VERIFIED city only: a claim still pending (or rejected) grants nothing, so it is not here. */
    cityId: User["verifiedCityId"];
    cityName: City["name"] | null;
    /** 1 when the person decides affiliation claims for their verified city. */
    cityCoordinator: User["cityCoordinator"];
  };

/** Stores a session keyed by the hash of its cookie token. */
export async function insertSession(db: Db, s: Omit<Insertable<SessionsTable>, "createdAt" | "lastSeenAt">): Promise<void> {
  const now = nowIso();
  await db.insertInto("sessions").values({ ...s, createdAt: now, lastSeenAt: now }).execute();
}

const sessionUserQuery = preparedQuery((db: Db, sessionId: string, now: string) =>
  db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.userId")
    .leftJoin("cities", "cities.id", "users.verifiedCityId")
    .select([
      "sessions.id as sessionId",
      "sessions.expiresAt",
      "sessions.lastSeenAt",
      "users.id",
      "users.email",
      "users.name",
      "users.role",
      "users.affiliation",
      "users.verifiedCityId as cityId",
      "cities.name as cityName",
      "users.cityCoordinator",
    ])
    .where("sessions.id", "=", sessionId)
    .where("sessions.expiresAt", ">", now)
    .where("users.disabledAt", "is", null),
);

/** Looks up an unexpired session of an enabled user (every signed-in request and connection: a prepared query). */
export async function findSessionUser(db: Db, sessionId: string): Promise<SessionUser | undefined> {
  return (await sessionUserQuery(db, sessionId, nowIso()))[0];
}

/** Extends a session's expiry (sliding expiration). */
export async function touchSession(db: Db, sessionId: string, expiresAt: string): Promise<void> {
  await db.updateTable("sessions").set({ lastSeenAt: nowIso(), expiresAt }).where("id", "=", sessionId).execute();
}

/** Deletes one session (log out). */
export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
}

/** Deletes every session of a user except, optionally, one to keep. */
export async function deleteUserSessions(db: Db, userId: number, exceptId?: string): Promise<void> {
  let q = db.deleteFrom("sessions").where("userId", "=", userId);
  if (exceptId) q = q.where("id", "!=", exceptId);
  await q.execute();
}

/** Removes expired sessions; run periodically. */
export async function purgeExpiredSessions(db: Db): Promise<void> {
  await db.deleteFrom("sessions").where("expiresAt", "<=", nowIso()).execute();
}
