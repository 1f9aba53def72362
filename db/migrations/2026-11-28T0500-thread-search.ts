import type { Kysely } from "kysely";

// Frozen. Marks live threads whose archive has been queued for the search index, so the sweep queues each once.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("live_threads").addColumn("archive_queued_at", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("live_threads").dropColumn("archive_queued_at").execute();
}
