import type { Selectable } from "kysely";
import type { Db } from "../index.js";
import type { SizeClass, SurveyInvitationRow, SurveyRemindersSentTable } from "../schema.js";
import { nowIso } from "../time.js";

/** Which cities an invitation names: every confirmed town, a voivodeship's, a size class's or a network's members. */
export type CityScope = { kind: "all" } | { kind: "voivodeship"; voivodeship: string } | { kind: "size"; sizeClass: SizeClass } | { kind: "network"; networkId: number };

/** What a reminder job needs of a survey, by id. */
export function findSurveyById(db: Db, id: number) {
  return db.selectFrom("surveys").select(["id", "slug", "title", "respondent", "closesAt"]).where("id", "=", id).executeTakeFirst();
}

/** Ids of the confirmed towns a scope names. */
export async function listCityIdsInScope(db: Db, scope: CityScope): Promise<number[]> {
  if (scope.kind === "network") {
    const rows = await db
      .selectFrom("networkCities")
      .innerJoin("cities", "cities.id", "networkCities.cityId")
      .select(["cities.id"])
      .where("networkCities.networkId", "=", scope.networkId)
      .where("networkCities.leftOn", "is", null)
      .where("cities.confirmed", "=", 1)
      .execute();
    return [...new Set(rows.map((r) => r.id))];
  }
  let q = db.selectFrom("cities").select(["id"]).where("confirmed", "=", 1);
  if (scope.kind === "voivodeship") q = q.where("voivodeship", "=", scope.voivodeship);
  if (scope.kind === "size") q = q.where("sizeClass", "=", scope.sizeClass);
  return (await q.execute()).map((r) => r.id);
}

/** Adds cities to a survey's invited list (cities already on it stay as they are). Returns the ids newly added. */
export async function addInvitedCities(db: Db, surveyId: number, cityIds: number[], invitedBy: number | null): Promise<number[]> {
  const now = nowIso();
  const added: number[] = [];
  // Chunks keep each statement well under SQLite's bound-parameter limit ("all" is a thousand towns).
  for (let i = 0; i < cityIds.length; i += 200) {
    const rows = await db
      .insertInto("surveyInvitedCities")
      .values(cityIds.slice(i, i + 200).map((cityId) => ({ surveyId, cityId, contactEmail: null, invitedBy, invitedAt: now, lastSentAt: null })))
      .onConflict((oc) => oc.columns(["surveyId", "cityId"]).doNothing())
      .returning(["cityId"])
      .execute();
    added.push(...rows.map((r) => r.cityId));
  }
  return added;
}

/** Whether any city is invited to the survey. */
export async function hasInvitedCities(db: Db, surveyId: number): Promise<boolean> {
  return (await db.selectFrom("surveyInvitedCities").select(["id"]).where("surveyId", "=", surveyId).limit(1).executeTakeFirst()) !== undefined;
}

/** Sets the contact address of an invited city (where its personal sign-up link goes). */
export async function setInvitedCityContact(db: Db, surveyId: number, cityId: number, contactEmail: string): Promise<void> {
  await db.updateTable("surveyInvitedCities").set({ contactEmail }).where("surveyId", "=", surveyId).where("cityId", "=", cityId).execute();
}

/** Records that an invitation to the city just went out. */
export async function markInvitationSent(db: Db, surveyId: number, cityId: number): Promise<void> {
  await db.updateTable("surveyInvitedCities").set({ lastSentAt: nowIso() }).where("surveyId", "=", surveyId).where("cityId", "=", cityId).execute();
}

/**
 * Invited cities with their contact address, when the last invitation went, and where each city's response stands
 * (none, draft, submitted; who submitted it and when). `cityIds` narrows it to some cities.
 */
export function listInvitedCities(db: Db, surveyId: number, cityIds?: number[]) {
  let q = db
    .selectFrom("surveyInvitedCities")
    .innerJoin("cities", "cities.id", "surveyInvitedCities.cityId")
    .leftJoin("surveyResponses", (j) => j.onRef("surveyResponses.cityId", "=", "surveyInvitedCities.cityId").onRef("surveyResponses.surveyId", "=", "surveyInvitedCities.surveyId"))
    .leftJoin("users as submitter", "submitter.id", "surveyResponses.submittedBy")
    .select([
      "cities.id as cityId",
      "cities.slug",
      "cities.name",
      "surveyInvitedCities.contactEmail",
      "surveyInvitedCities.invitedAt",
      "surveyInvitedCities.lastSentAt",
      "surveyResponses.status",
      "surveyResponses.submittedAt",
      "submitter.name as submittedByName",
    ])
    .where("surveyInvitedCities.surveyId", "=", surveyId);
  if (cityIds) q = q.where("surveyInvitedCities.cityId", "in", cityIds.length ? cityIds : [-1]);
  return q.orderBy("cities.name").orderBy("cities.id").execute();
}

/** Enabled verified representatives of the given cities (whom a city survey's invitation and reminders go to). */
export function listRepresentativesOf(db: Db, cityIds: number[]) {
  return db
    .selectFrom("users")
    .select(["id", "email", "name", "verifiedCityId as cityId"])
    .where("verifiedCityId", "in", cityIds.length ? cityIds : [-1])
    .where("disabledAt", "is", null)
    .orderBy("id")
    .execute();
}

/** A new sign-up link: an invitation row that always has a token and an expiry (a mailed invitation may have neither). */
export type NewSignupLink = Pick<SurveyInvitationRow, "surveyId" | "cityId" | "email" | "createdBy"> & { [K in "tokenHash" | "expiresAt"]: NonNullable<SurveyInvitationRow[K]> };

/** Stores a new personal sign-up link for a city; older unused links of the same survey and city stop working. */
export async function insertSignupLink(db: Db, link: NewSignupLink): Promise<void> {
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("surveyInvitations").set({ expiresAt: now }).where("surveyId", "=", link.surveyId).where("cityId", "=", link.cityId).where("usedAt", "is", null).execute();
    await trx
      .insertInto("surveyInvitations")
      .values({ ...link, usedAt: null, usedBy: null, lastSentAt: now, createdAt: now })
      .execute();
  });
}

/** A sign-up link by its token's hash, with its city and survey (whether it is still usable is the caller's to read). */
export function findSignupLink(db: Db, tokenHash: string) {
  return db
    .selectFrom("surveyInvitations")
    .innerJoin("cities", "cities.id", "surveyInvitations.cityId")
    .innerJoin("surveys", "surveys.id", "surveyInvitations.surveyId")
    .select(["surveyInvitations.id", "surveyInvitations.cityId", "surveyInvitations.email", "surveyInvitations.expiresAt", "surveyInvitations.usedAt", "cities.name as cityName", "surveys.slug as surveySlug", "surveys.title as surveyTitle"])
    .where("surveyInvitations.tokenHash", "=", tokenHash)
    .executeTakeFirst();
}

/** Marks an unused, unexpired link as used by `userId`; false when it was not (single use is one atomic UPDATE). */
export async function consumeSignupLink(db: Db, id: number, userId: number): Promise<boolean> {
  const now = nowIso();
  const res = await db
    .updateTable("surveyInvitations")
    .set({ usedAt: now, usedBy: userId })
    .where("id", "=", id)
    .where("usedAt", "is", null)
    .where("expiresAt", ">", now)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Claims one reminder for one city; false when it was claimed before (by another job or instance). */
export async function claimReminder(db: Db, r: Omit<Selectable<SurveyRemindersSentTable>, "id" | "sentAt">): Promise<boolean> {
  const row = await db
    .insertInto("surveyRemindersSent")
    .values({ ...r, sentAt: nowIso() })
    .onConflict((oc) => oc.columns(["surveyId", "cityId", "closesAt", "minutes"]).doNothing())
    .returning(["id"])
    .executeTakeFirst();
  return row !== undefined;
}
