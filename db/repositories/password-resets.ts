import type { Insertable } from "kysely";
import type { Db } from "../index.js";
import type { PasswordResetsTable } from "../schema.js";
import { nowIso } from "../time.js";

/** Stores a reset token hash for a user. */
export async function insertPasswordReset(db: Db, r: Pick<Insertable<PasswordResetsTable>, "tokenHash" | "userId" | "expiresAt">): Promise<void> {
  await db.insertInto("passwordResets").values({ ...r, createdAt: nowIso(), usedAt: null }).execute();
}

/** Marks an unused, unexpired token as used and returns its user id; undefined when invalid. Single use is atomic. */
export async function consumePasswordReset(db: Db, tokenHash: string): Promise<number | undefined> {
  const row = await db
    .updateTable("passwordResets")
    .set({ usedAt: nowIso() })
    .where("tokenHash", "=", tokenHash)
    .where("usedAt", "is", null)
    .where("expiresAt", ">", nowIso())
    .returning("userId")
    .executeTakeFirst();
  return row?.userId;
}

/** True when the token exists, is unused and unexpired (for showing the form). */
export async function isPasswordResetValid(db: Db, tokenHash: string): Promise<boolean> {
  const row = await db
    .selectFrom("passwordResets")
    .select("userId")
    .where("tokenHash", "=", tokenHash)
    .where("usedAt", "is", null)
    .where("expiresAt", ">", nowIso())
    .executeTakeFirst();
  return Boolean(row);
}

/** Marks every unused token of a user as used (a newer one was issued, or the password was just set). */
export async function invalidatePasswordResets(db: Db, userId: number): Promise<void> {
  await db.updateTable("passwordResets").set({ usedAt: nowIso() }).where("userId", "=", userId).where("usedAt", "is", null).execute();
}
