import type { Db } from "../index.js";
import type { NewSurvey, SizeClass, SurveyResponseRow, SurveyRow } from "../schema.js";
import { nowIso } from "../time.js";

const SURVEY_COLUMNS = ["id", "slug", "title", "intro", "respondent", "opensAt", "closesAt", "questions", "createdBy", "createdAt", "updatedAt"] as const;
const RESPONSE_COLUMNS = [
  "surveyResponses.id",
  "surveyResponses.surveyId",
  "surveyResponses.cityId",
  "surveyResponses.personId",
  "surveyResponses.status",
  "surveyResponses.answers",
  "surveyResponses.version",
  "surveyResponses.updatedBy",
  "surveyResponses.submittedBy",
  "surveyResponses.submittedAt",
  "surveyResponses.createdAt",
  "surveyResponses.updatedAt",
] as const;

export type SurveyFields = Omit<NewSurvey, "id" | "createdAt" | "updatedAt">;

/** Creates a survey or replaces the one with the same slug (an import run twice updates it); returns its id. */
export async function upsertSurvey(db: Db, fields: SurveyFields): Promise<number> {
  const now = nowIso();
  const existing = await db.selectFrom("surveys").select(["id"]).where("slug", "=", fields.slug).executeTakeFirst();
  if (existing) {
    const { createdBy: _keep, ...rest } = fields;
    await db.updateTable("surveys").set({ ...rest, updatedAt: now }).where("id", "=", existing.id).execute();
    return existing.id;
  }
  const row = await db.insertInto("surveys").values({ ...fields, createdAt: now, updatedAt: now }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/** One survey by slug. */
export function findSurveyBySlug(db: Db, slug: string): Promise<SurveyRow | undefined> {
  return db.selectFrom("surveys").select(SURVEY_COLUMNS).where("slug", "=", slug).executeTakeFirst();
}

/** Every survey, the one closing last first. */
export function listSurveys(db: Db): Promise<SurveyRow[]> {
  return db.selectFrom("surveys").select(SURVEY_COLUMNS).orderBy("closesAt", "desc").orderBy("id", "desc").execute();
}

export type ResponseWithPeople = SurveyResponseRow & { updatedByName: string | null; submittedByName: string | null };

/** The response of a city (respondent "city") or of a person (respondent "person"), with who last wrote it. */
export function findResponse(db: Db, surveyId: number, who: { cityId: number } | { personId: number }): Promise<ResponseWithPeople | undefined> {
  let q = db
    .selectFrom("surveyResponses")
    .leftJoin("users as updater", "updater.id", "surveyResponses.updatedBy")
    .leftJoin("users as submitter", "submitter.id", "surveyResponses.submittedBy")
    .select([...RESPONSE_COLUMNS, "updater.name as updatedByName", "submitter.name as submittedByName"])
    .where("surveyResponses.surveyId", "=", surveyId);
  q = "cityId" in who ? q.where("surveyResponses.cityId", "=", who.cityId) : q.where("surveyResponses.personId", "=", who.personId);
  return q.executeTakeFirst();
}

export type ResponseWrite = { answers: string; status: "draft" | "submitted"; userId: number | null; submit: boolean };

/**
 * Writes a response only if nobody changed it since the writer read it: `expectedVersion` 0 inserts (the UNIQUE
 * constraint refuses a second first answer of the same city), otherwise the UPDATE matches the version it read.
 * Returns false when someone else got there first; nothing is written then.
 */
export async function writeResponse(db: Db, surveyId: number, who: { cityId: number | null; personId: number | null }, expectedVersion: number, w: ResponseWrite): Promise<boolean> {
  const now = nowIso();
  const submitted = w.submit ? { submittedBy: w.userId, submittedAt: now } : {};
  if (expectedVersion === 0) {
    try {
      await db
        .insertInto("surveyResponses")
        .values({ surveyId, cityId: who.cityId, personId: who.personId, status: w.status, answers: w.answers, version: 1, updatedBy: w.userId, submittedBy: null, submittedAt: null, createdAt: now, updatedAt: now, ...submitted })
        .execute();
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }
  let q = db
    .updateTable("surveyResponses")
    .set({ status: w.status, answers: w.answers, version: expectedVersion + 1, updatedBy: w.userId, updatedAt: now, ...submitted })
    .where("surveyId", "=", surveyId)
    .where("version", "=", expectedVersion);
  q = who.cityId !== null ? q.where("cityId", "=", who.cityId) : q.where("personId", "=", who.personId);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string };
  return e?.code === "23505" || e?.code === "SQLITE_CONSTRAINT_UNIQUE";
}

/** The answers (JSON text) of every response to a survey, drafts included: what an edit of its questions must keep valid. */
export async function listResponseAnswers(db: Db, surveyId: number): Promise<string[]> {
  const rows = await db.selectFrom("surveyResponses").select(["answers"]).where("surveyId", "=", surveyId).execute();
  return rows.map((r) => r.answers);
}

/** `network`: a network's slug; only cities that are its members now count. */
export type ResultFilter = { voivodeship?: string; sizeClass?: SizeClass; network?: string };

/**
 * Submitted responses with their city (or the person's verified city), filtered by the city's voivodeship, size and
 * network. A person survey's respondent without a verified city is listed with null city columns (and drops out of any filter).
 */
export function listSubmittedResponses(db: Db, surveyId: number, f: ResultFilter = {}) {
  let q = db
    .selectFrom("surveyResponses")
    .leftJoin("users as person", "person.id", "surveyResponses.personId")
    .leftJoin("cities", (j) => j.on((eb) => eb.or([eb("cities.id", "=", eb.ref("surveyResponses.cityId")), eb("cities.id", "=", eb.ref("person.verifiedCityId"))])))
    .select(["surveyResponses.id", "surveyResponses.answers", "surveyResponses.submittedAt", "cities.slug as citySlug", "cities.name as cityName", "cities.voivodeship", "cities.sizeClass"])
    .where("surveyResponses.surveyId", "=", surveyId)
    .where("surveyResponses.status", "=", "submitted");
  if (f.voivodeship) q = q.where("cities.voivodeship", "=", f.voivodeship);
  if (f.sizeClass) q = q.where("cities.sizeClass", "=", f.sizeClass);
  if (f.network) {
    const network = f.network;
    q = q.where("cities.id", "in", (eb) =>
      eb.selectFrom("networkCities").innerJoin("networks", "networks.id", "networkCities.networkId").select("networkCities.cityId").where("networks.slug", "=", network).where("networkCities.leftOn", "is", null),
    );
  }
  return q.orderBy("cities.slug").orderBy("surveyResponses.id").execute();
}

/** Every response of a city, newest survey first (for the city's profile). */
export function listCityResponses(db: Db, cityId: number) {
  return db
    .selectFrom("surveyResponses")
    .innerJoin("surveys", "surveys.id", "surveyResponses.surveyId")
    .select(["surveys.slug", "surveys.title", "surveys.questions", "surveyResponses.status", "surveyResponses.answers", "surveyResponses.submittedAt"])
    .where("surveyResponses.cityId", "=", cityId)
    .orderBy("surveys.closesAt", "desc")
    .execute();
}

/** Cities with a response and its state (for staff's who-has-answered list). */
export function listResponseStates(db: Db, surveyId: number) {
  return db
    .selectFrom("surveyResponses")
    .innerJoin("cities", "cities.id", "surveyResponses.cityId")
    .select(["cities.id as cityId", "cities.slug", "cities.name", "surveyResponses.status", "surveyResponses.submittedAt"])
    .where("surveyResponses.surveyId", "=", surveyId)
    .execute();
}
