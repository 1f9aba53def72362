import type { Db } from "../index.js";
import type { NewUser, Role, User } from "../schema.js";
import { nowIso } from "../time.js";

/** A user without the password hash: what every caller but the password check gets. */
export type UserAccount = Omit<User, "passwordHash">;
export type UserWithCity = UserAccount & { cityName: string | null; citySlug: string | null };

// Named columns, never selectAll: a new secret column must not flow into pages by default.
const accountColumns = ["users.id", "users.email", "users.name", "users.role", "users.affiliation", "users.cityId", "users.verifiedCityId", "users.cityCoordinator", "users.position", "users.createdAt", "users.updatedAt", "users.disabledAt"] as const;

const withCity = (db: Db) =>
  db
    .selectFrom("users")
    .leftJoin("cities", "cities.id", "users.cityId")
    .select(accountColumns)
    .select(["cities.name as cityName", "cities.slug as citySlug"]);

/** Finds a user by e-mail (case-insensitive: e-mails are stored lower-cased). */
export function findUserByEmail(db: Db, email: string): Promise<UserAccount | undefined> {
  return db.selectFrom("users").select(accountColumns).where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
}

/** What a password check needs, by e-mail; the only query that reads the hash. */
export function findCredentialsByEmail(db: Db, email: string): Promise<{ id: number; email: string; name: string; passwordHash: string; disabledAt: string | null } | undefined> {
  return db.selectFrom("users").select(["id", "email", "name", "passwordHash", "disabledAt"]).where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
}

/** Finds a user with their city's name and slug. */
export function findUserById(db: Db, id: number): Promise<UserWithCity | undefined> {
  return withCity(db).where("users.id", "=", id).executeTakeFirst();
}

/** Inserts a user and returns the new id. */
export async function insertUser(db: Db, user: Omit<NewUser, "createdAt" | "updatedAt">): Promise<number> {
  const now = nowIso();
  const row = await db
    .insertInto("users")
    .values({ ...user, email: user.email.trim().toLowerCase(), createdAt: now, updatedAt: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Replaces a user's password hash. */
export async function updatePasswordHash(db: Db, userId: number, passwordHash: string): Promise<void> {
  await db.updateTable("users").set({ passwordHash, updatedAt: nowIso() }).where("id", "=", userId).execute();
}

/** Updates the profile fields a person may change about themselves. */
export async function updateProfile(
  db: Db,
  userId: number,
  fields: Pick<User, "name" | "affiliation" | "cityId" | "position">,
): Promise<void> {
  await db.updateTable("users").set({ ...fields, updatedAt: nowIso() }).where("id", "=", userId).execute();
}

/** Sets role and enabled state (admin only, checked by the caller). */
export async function updateRoleAndState(db: Db, userId: number, role: Role, disabled: boolean): Promise<void> {
  await db
    .updateTable("users")
    .set({ role, disabledAt: disabled ? nowIso() : null, updatedAt: nowIso() })
    .where("id", "=", userId)
    .execute();
}

/** Lists users for the admin screen, optionally filtered by a name/e-mail fragment and role. */
export function listUsers(db: Db, opts: { q?: string; role?: Role; limit?: number; offset?: number } = {}): Promise<UserWithCity[]> {
  let query = withCity(db);
  if (opts.q) {
    const like = `%${opts.q.toLowerCase()}%`;
    query = query.where((eb) => eb.or([eb(eb.fn("lower", ["users.name"]), "like", like), eb("users.email", "like", like)]));
  }
  if (opts.role) query = query.where("users.role", "=", opts.role);
  return query.orderBy("users.name").limit(opts.limit ?? 50).offset(opts.offset ?? 0).execute();
}

/** Counts users matching the same filters as listUsers. */
export async function countUsers(db: Db, opts: { q?: string; role?: Role } = {}): Promise<number> {
  let query = db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n"));
  if (opts.q) {
    const like = `%${opts.q.toLowerCase()}%`;
    query = query.where((eb) => eb.or([eb(eb.fn("lower", ["name"]), "like", like), eb("email", "like", like)]));
  }
  if (opts.role) query = query.where("role", "=", opts.role);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** People whose affiliation with the city is verified, shown on its profile page (never e-mails: the page is public). */
export function listCityPeople(db: Db, cityId: number) {
  return db
    .selectFrom("users")
    .select(["id", "name", "position", "affiliation", "role"])
    .where("verifiedCityId", "=", cityId)
    .where("disabledAt", "is", null)
    .orderBy("name")
    .execute();
}

/** A user's id by e-mail, or null (the seeds credit demo content to the demo admin). */
export async function findUserIdByEmail(db: Db, email: string): Promise<number | null> {
  const row = await db.selectFrom("users").select("id").where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Active accounts matching a name or e-mail fragment, for staff pickers (network people): only what a picker shows
 * (name, position, city), never the e-mail itself.
 */
export function searchPeopleForPicker(db: Db, fragment: string, limit: number): Promise<{ id: number; name: string; position: string | null; cityName: string | null }[]> {
  const like = `%${fragment.toLowerCase().replace(/[\\%_]/g, "")}%`;
  return db
    .selectFrom("users")
    .leftJoin("cities", "cities.id", "users.verifiedCityId")
    .select(["users.id", "users.name", "users.position", "cities.name as cityName"])
    .where("users.disabledAt", "is", null)
    .where((eb) => eb.or([eb(eb.fn("lower", ["users.name"]), "like", like), eb("users.email", "like", like)]))
    .orderBy("users.name")
    .limit(limit)
    .execute();
}
