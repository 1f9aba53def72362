import type { Kysely } from "kysely";
import { idColumn } from "../migration-helpers.js";

// Frozen. City surveys (issue 13). A survey's questions are one JSON document (validated by
// server/surveys/survey-definition.ts), so a survey is imported, exported and versioned as one piece. A response holds
// its answers as JSON too: saving a draft or submitting is one row write guarded by `version`, so two representatives
// of a city never half-overwrite each other's answers.
export async function up(db: Kysely<any>): Promise<void> {
  await idColumn(db, db.schema.createTable("surveys"))
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("intro", "text", (c) => c.notNull())
    .addColumn("respondent", "text", (c) => c.notNull()) // city | person
    .addColumn("opens_at", "text", (c) => c.notNull())
    .addColumn("closes_at", "text", (c) => c.notNull())
    .addColumn("questions", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await idColumn(db, db.schema.createTable("survey_responses"))
    .addColumn("survey_id", "integer", (c) => c.notNull().references("surveys.id").onDelete("cascade"))
    // respondent "city": the city; respondent "person": the person. The other stays null (nulls never collide).
    .addColumn("city_id", "integer", (c) => c.references("cities.id").onDelete("cascade"))
    .addColumn("person_id", "integer", (c) => c.references("users.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull()) // draft | submitted
    .addColumn("answers", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("submitted_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("submitted_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("survey_responses_city_unique", ["survey_id", "city_id"])
    .addUniqueConstraint("survey_responses_person_unique", ["survey_id", "person_id"])
    .execute();

  await idColumn(db, db.schema.createTable("survey_invitations"))
    .addColumn("survey_id", "integer", (c) => c.notNull().references("surveys.id").onDelete("cascade"))
    .addColumn("city_id", "integer", (c) => c.notNull().references("cities.id").onDelete("cascade"))
    .addColumn("email", "text", (c) => c.notNull())
    // SHA-256 of the personal link's token (only for a city without an account); the token itself is never stored.
    .addColumn("token_hash", "text", (c) => c.unique())
    .addColumn("expires_at", "text")
    .addColumn("used_at", "text")
    .addColumn("last_sent_at", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("survey_invitations_survey_city_idx").on("survey_invitations").columns(["survey_id", "city_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("survey_invitations").execute();
  await db.schema.dropTable("survey_responses").execute();
  await db.schema.dropTable("surveys").execute();
}
