import type { Kysely } from "kysely";
import { idColumn } from "../migration-helpers.js";

// Frozen. Topics staff merge from similar open answers of a survey's text question (issue 13): one label, and the
// cities whose answers were merged into it. The cities are rows, not JSON, so a city that is removed leaves the
// topic's backers with it and a city is counted once per topic (the unique constraint).
export async function up(db: Kysely<any>): Promise<void> {
  await idColumn(db, db.schema.createTable("survey_topics"))
    .addColumn("survey_id", "integer", (c) => c.notNull().references("surveys.id").onDelete("cascade"))
    .addColumn("question_id", "text", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("area", "text", (c) => c.notNull()) // a thematic area slug or "" for none
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("survey_topics_survey_idx").on("survey_topics").columns(["survey_id"]).execute();

  await db.schema
    .createTable("survey_topic_cities")
    .addColumn("topic_id", "integer", (c) => c.notNull().references("survey_topics.id").onDelete("cascade"))
    .addColumn("city_id", "integer", (c) => c.notNull().references("cities.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("survey_topic_cities_pk", ["topic_id", "city_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("survey_topic_cities").execute();
  await db.schema.dropTable("survey_topics").execute();
}
