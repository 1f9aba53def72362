import type { Db } from "../index.js";
import { nowIso } from "../time.js";

/** Sets a person's calendar token hash, replacing the previous one (the old feed URL stops working at once). */
export async function replaceCalendarToken(db: Db, userId: number, tokenHash: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("calendarTokens").where("userId", "=", userId).execute();
    await trx.insertInto("calendarTokens").values({ userId, tokenHash, createdAt: nowIso() }).execute();
  });
}

/** The enabled person a calendar token hash belongs to, if any, with their VERIFIED city (a pending claim grants nothing). */
export function findCalendarTokenUser(db: Db, tokenHash: string): Promise<{ userId: number; role: "admin" | "moderator" | "member"; cityId: number | null } | undefined> {
  return db
    .selectFrom("calendarTokens")
    .innerJoin("users", "users.id", "calendarTokens.userId")
    .select(["users.id as userId", "users.role", "users.verifiedCityId as cityId"])
    .where("calendarTokens.tokenHash", "=", tokenHash)
    .where("users.disabledAt", "is", null)
    .executeTakeFirst();
}

/** When the person's current calendar token was made (null: none yet). */
export async function calendarTokenCreatedAt(db: Db, userId: number): Promise<string | null> {
  const row = await db.selectFrom("calendarTokens").select("createdAt").where("userId", "=", userId).executeTakeFirst();
  return row?.createdAt ?? null;
}
