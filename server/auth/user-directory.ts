import type { DbHandle } from "../../db/index.js";
import type { Role } from "../../db/schema.js";
import { countUsers, findUserById, listUsers } from "../../db/repositories/users.js";
import { setUserRole, type userAdminSchema } from "./user-admin.js";
import type { Actor } from "./permissions.js";
import type { z } from "zod";

export type UserDirectory = ReturnType<typeof createUserDirectory>;
type UserFilter = { q?: string; role?: Role };

/** People's accounts as the admin screen and the account page read and change them (routes never reach users/ SQL). */
export function createUserDirectory(deps: { db: DbHandle }) {
  const db = deps.db.db;
  return {
    /** One page of accounts matching a name/e-mail fragment and role, with the city name. */
    list: (f: UserFilter & { limit: number; offset: number }) => listUsers(db, f),
    /** How many accounts match the same filter. */
    count: (f: UserFilter) => countUsers(db, f),
    /** One person's account with the city name (no password hash). */
    byId: (id: number) => findUserById(db, id),
    /** Sets a role and blocks or unblocks an account (admins only; see user-admin.ts). */
    setRole: (actor: Actor, input: z.infer<typeof userAdminSchema>) => setUserRole(deps.db.db, actor, input),
  };
}
