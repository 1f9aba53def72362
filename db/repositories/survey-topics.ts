import type { Selectable } from "kysely";
import type { Db } from "../index.js";
import type { SurveyTopicsTable } from "../schema.js";
import { nowIso } from "../time.js";

export type SurveyTopic = { id: number; questionId: string; label: string; area: string; cities: { slug: string; name: string }[] };

/** Stores a topic merged from open answers with its backing cities, in one transaction; returns its id. */
export async function insertSurveyTopic(db: Db, t: Pick<Selectable<SurveyTopicsTable>, "surveyId" | "questionId" | "label" | "area" | "createdBy"> & { cityIds: number[] }): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("surveyTopics")
      .values({ surveyId: t.surveyId, questionId: t.questionId, label: t.label, area: t.area, createdBy: t.createdBy, createdAt: nowIso() })
      .returning("id")
      .executeTakeFirstOrThrow();
    const cityIds = [...new Set(t.cityIds)];
    if (cityIds.length) await trx.insertInto("surveyTopicCities").values(cityIds.map((cityId) => ({ topicId: row.id, cityId }))).execute();
    return row.id;
  });
}

/** A survey's merged topics, oldest first, each with its cities (by slug). */
export async function listSurveyTopics(db: Db, surveyId: number): Promise<SurveyTopic[]> {
  const topics = await db.selectFrom("surveyTopics").select(["id", "questionId", "label", "area"]).where("surveyId", "=", surveyId).orderBy("id").execute();
  if (!topics.length) return [];
  const cities = await db
    .selectFrom("surveyTopicCities")
    .innerJoin("cities", "cities.id", "surveyTopicCities.cityId")
    .select(["surveyTopicCities.topicId", "cities.slug", "cities.name"])
    .where(
      "surveyTopicCities.topicId",
      "in",
      topics.map((x) => x.id),
    )
    .orderBy("cities.slug")
    .execute();
  return topics.map((x) => ({ ...x, cities: cities.filter((c) => c.topicId === x.id).map((c) => ({ slug: c.slug, name: c.name })) }));
}

/** Removes a merged topic of a survey (its city rows go with it); false when there was none. */
export async function deleteSurveyTopic(db: Db, surveyId: number, topicId: number): Promise<boolean> {
  const r = await db.deleteFrom("surveyTopics").where("id", "=", topicId).where("surveyId", "=", surveyId).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}
