import type { Db } from "../index.js";
import type { City, CityClaim, User } from "../schema.js";
import { nowIso } from "../time.js";

/** A claim as the review queue and the account page show it. */
export type CityClaimRow = Pick<CityClaim, "id" | "userId" | "cityId" | "status" | "reason" | "createdAt" | "decidedAt"> &
  Pick<User, "position"> & { userName: User["name"]; userEmail: User["email"]; cityName: City["name"]; deciderName: User["name"] | null };

const claimRows = (db: Db) =>
  db
    .selectFrom("cityClaims")
    .innerJoin("users", "users.id", "cityClaims.userId")
    .innerJoin("cities", "cities.id", "cityClaims.cityId")
    .leftJoin("users as decider", "decider.id", "cityClaims.decidedBy")
    .select([
      "cityClaims.id",
      "cityClaims.userId",
      "users.name as userName",
      "users.email as userEmail",
      "users.position",
      "cityClaims.cityId",
      "cities.name as cityName",
      "cityClaims.status",
      "cityClaims.reason",
      "cityClaims.createdAt",
      "cityClaims.decidedAt",
      "decider.name as deciderName",
    ]);

/**
 * Starts over a person's affiliation: open claims are withdrawn, the verified city and coordinator role are dropped,
 * and a new pending claim is opened for `cityId` (none when null). Returns the verified city the person held before.
 */
export async function restartCityClaim(db: Db, userId: number, cityId: number | null): Promise<number | null> {
  const now = nowIso();
  const before = await db.selectFrom("users").select(["verifiedCityId"]).where("id", "=", userId).executeTakeFirst();
  await db.updateTable("cityClaims").set({ status: "withdrawn", decidedAt: now }).where("userId", "=", userId).where("status", "=", "pending").execute();
  await db.updateTable("users").set({ verifiedCityId: null, cityCoordinator: 0 }).where("id", "=", userId).execute();
  if (cityId !== null) await db.insertInto("cityClaims").values({ userId, cityId, status: "pending", reason: null, createdAt: now, decidedBy: null, decidedAt: null }).execute();
  return before?.verifiedCityId ?? null;
}

/** One claim with the claimant's current stated city and e-mail (for the decision and its mail). */
export function findCityClaim(db: Db, id: number) {
  return db
    .selectFrom("cityClaims")
    .innerJoin("users", "users.id", "cityClaims.userId")
    .innerJoin("cities", "cities.id", "cityClaims.cityId")
    .select(["cityClaims.id", "cityClaims.userId", "cityClaims.cityId", "cityClaims.status", "users.cityId as currentCityId", "users.email", "users.name", "cities.name as cityName"])
    .where("cityClaims.id", "=", id)
    .executeTakeFirst();
}

/**
 * Records a decision on a pending claim; on acceptance the claimant's verified city becomes the claimed one. Returns
 * false when the claim was no longer pending (decided by someone else or withdrawn meanwhile): nothing is written.
 */
export async function decideCityClaim(
  db: Db,
  d: Pick<CityClaim, "id" | "userId" | "cityId" | "reason"> & { status: Extract<CityClaim["status"], "accepted" | "rejected">; decidedBy: NonNullable<CityClaim["decidedBy"]> },
): Promise<boolean> {
  const res = await db
    .updateTable("cityClaims")
    .set({ status: d.status, reason: d.reason, decidedBy: d.decidedBy, decidedAt: nowIso() })
    .where("id", "=", d.id)
    .where("status", "=", "pending")
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return false;
  // The claim's city must still be what the person states; restartCityClaim withdraws it otherwise.
  if (d.status === "accepted") await db.updateTable("users").set({ verifiedCityId: d.cityId }).where("id", "=", d.userId).where("cityId", "=", d.cityId).execute();
  return true;
}

/** Claims for the review queue, newest first; `cityId` limits them to one city (a coordinator's view). */
export function listCityClaims(db: Db, opts: { status: "pending" | "decided"; cityId?: number; limit?: number }): Promise<CityClaimRow[]> {
  let q = claimRows(db);
  q = opts.status === "pending" ? q.where("cityClaims.status", "=", "pending") : q.where("cityClaims.status", "in", ["accepted", "rejected"]);
  if (opts.cityId !== undefined) q = q.where("cityClaims.cityId", "=", opts.cityId);
  return q.orderBy("cityClaims.id", opts.status === "pending" ? "asc" : "desc").limit(opts.limit ?? 100).execute();
}

/** The person's most recent claim (what /konto reports), if any. */
export function latestCityClaim(db: Db, userId: number): Promise<CityClaimRow | undefined> {
  return claimRows(db).where("cityClaims.userId", "=", userId).orderBy("cityClaims.id", "desc").limit(1).executeTakeFirst();
}

/** People holding a verified city, with whether they coordinate it (the admin's coordinator list). */
export function listVerifiedRepresentatives(db: Db) {
  return db
    .selectFrom("users")
    .innerJoin("cities", "cities.id", "users.verifiedCityId")
    .select(["users.id", "users.name", "users.position", "cities.name as cityName", "users.cityCoordinator"])
    .where("users.disabledAt", "is", null)
    .orderBy("cities.name")
    .orderBy("users.name")
    .execute();
}

/** A person's verified city and coordinator flag. */
export function findCityStanding(db: Db, userId: number) {
  return db.selectFrom("users").select(["id", "name", "cityId", "verifiedCityId", "cityCoordinator"]).where("id", "=", userId).executeTakeFirst();
}

/** Makes a verified representative the coordinator of their city, or not. */
export async function setCityCoordinator(db: Db, userId: number, coordinator: boolean): Promise<void> {
  await db.updateTable("users").set({ cityCoordinator: coordinator ? 1 : 0 }).where("id", "=", userId).where("verifiedCityId", "is not", null).execute();
}

/**
 * Marks a person's stated city as verified without a reviewer (demo accounts, and accounts made from a survey's
 * personal sign-up link, whose token proves the city): an accepted claim is recorded so the history says how.
 */
export async function verifyStatedCity(db: Db, userId: number, cityId: number, reason: string): Promise<void> {
  const now = nowIso();
  await db.updateTable("cityClaims").set({ status: "withdrawn", decidedAt: now }).where("userId", "=", userId).where("status", "=", "pending").execute();
  await db.insertInto("cityClaims").values({ userId, cityId, status: "accepted", reason, createdAt: now, decidedBy: null, decidedAt: now }).execute();
  await db.updateTable("users").set({ verifiedCityId: cityId }).where("id", "=", userId).where("cityId", "=", cityId).execute();
}
