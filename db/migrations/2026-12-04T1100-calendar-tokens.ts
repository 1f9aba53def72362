import type { Kysely } from "kysely";

// Frozen. One secret per person for their own calendar feed (/kalendarz/<token>.ics). Only the SHA-256 of the token
// is kept: a copy of the database does not open anyone's feed, which carries join links.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("calendar_tokens")
    .addColumn("user_id", "integer", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("calendar_tokens").execute();
}
