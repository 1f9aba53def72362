import type { Kysely } from "kysely";

// Frozen once shipped. Issue 14, part B: a network meeting opens registration to the network's members first and to
// everyone else from `open_to_all_at` (an ISO instant; null on a meeting means the default, 14 days before the start).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("events").addColumn("open_to_all_at", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("events").dropColumn("open_to_all_at").execute();
}
