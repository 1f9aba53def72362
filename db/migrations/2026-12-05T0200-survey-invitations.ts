import { sql, type Kysely } from "kysely";
import { idColumn, isPostgres } from "../migration-helpers.js";

// Frozen once merged. Survey invitations (issue 13, part B). Which cities a survey invites is its own table (one row
// per survey and city, with the contact address staff gave for a city without an account): a city can be invited
// before anyone there can be mailed. `survey_invitations` keeps only the personal sign-up links (token hash, expiry,
// single use); its earlier rows without a token were one line per mail sent and become invited cities here.
// `survey_reminders_sent` is the claim that makes each reminder go to a city once, however many jobs or instances run.
export async function up(db: Kysely<any>): Promise<void> {
  await idColumn(db, db.schema.createTable("survey_invited_cities"))
    .addColumn("survey_id", "integer", (c) => c.notNull().references("surveys.id").onDelete("cascade"))
    .addColumn("city_id", "integer", (c) => c.notNull().references("cities.id").onDelete("cascade"))
    .addColumn("contact_email", "text")
    .addColumn("invited_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("invited_at", "text", (c) => c.notNull())
    .addColumn("last_sent_at", "text")
    .addUniqueConstraint("survey_invited_cities_unique", ["survey_id", "city_id"])
    .execute();

  await sql`insert into survey_invited_cities (survey_id, city_id, contact_email, invited_by, invited_at, last_sent_at)
    select survey_id, city_id, null, min(created_by), min(created_at), max(last_sent_at) from survey_invitations group by survey_id, city_id`.execute(db);
  await sql`delete from survey_invitations where token_hash is null`.execute(db);
  await db.schema.alterTable("survey_invitations").addColumn("used_by", "integer", (c) => c.references("users.id").onDelete("set null")).execute();

  await idColumn(db, db.schema.createTable("survey_reminders_sent"))
    .addColumn("survey_id", "integer", (c) => c.notNull().references("surveys.id").onDelete("cascade"))
    .addColumn("city_id", "integer", (c) => c.notNull().references("cities.id").onDelete("cascade"))
    // The closing time the reminder was for: moving the close makes new reminders due.
    .addColumn("closes_at", "text", (c) => c.notNull())
    .addColumn("minutes", "integer", (c) => c.notNull())
    .addColumn("sent_at", "text", (c) => c.notNull())
    .addUniqueConstraint("survey_reminders_sent_unique", ["survey_id", "city_id", "closes_at", "minutes"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("survey_reminders_sent").execute();
  // SQLite cannot drop a column that references another table; the column stays there, unused, until the surveys
  // migration's own down drops the table.
  if (isPostgres(db)) await db.schema.alterTable("survey_invitations").dropColumn("used_by").execute();
  await db.schema.dropTable("survey_invited_cities").execute();
}
