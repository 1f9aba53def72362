import { z } from "zod";
import type { Db } from "../../db/index.js";
import { recordAudit } from "../../db/repositories/audit.js";
import { deleteUserSessions } from "../../db/repositories/sessions.js";
import { findUserById, updateRoleAndState } from "../../db/repositories/users.js";
import { admin as t } from "../../domain/i18n/pl/admin.js";
import { InputError } from "../validation/input-error.js";
import { assertCan, type Actor } from "./permissions.js";

export const userAdminSchema = z.object({
  userId: z.coerce.number().int().positive(),
  role: z.enum(["admin", "moderator", "member"]),
  disabled: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "1"),
});

/** Sets a user's role and blocks or unblocks the account (admins only); blocking ends the user's sessions. */
export async function setUserRole(db: Db, actor: Actor, input: z.infer<typeof userAdminSchema>): Promise<void> {
  assertCan(actor, "user:manage");
  if (actor!.id === input.userId && (input.role !== "admin" || input.disabled)) throw new InputError(t.cannotDemoteSelf, "role");
  const target = await findUserById(db, input.userId);
  if (!target) throw new InputError("Nie ma takiego użytkownika.", "userId");
  await db.transaction().execute(async (trx) => {
    await updateRoleAndState(trx, input.userId, input.role, input.disabled);
    if (input.disabled) await deleteUserSessions(trx, input.userId);
    await recordAudit(trx, {
      actorId: actor!.id,
      action: "user.role_changed",
      subjectType: "user",
      subjectId: input.userId,
      details: { from: target.role, to: input.role, disabled: input.disabled },
    });
  });
}
