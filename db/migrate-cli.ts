// `npm run db:migrate`: applies pending migrations to DATABASE_URL (default ./data/frl.db).
import { databaseUrlFromEnv } from "./database-url.js";
import { createDb } from "./index.js";
import { migrateToLatest } from "./migrate.js";

const handle = createDb(databaseUrlFromEnv());
try {
  const result = await migrateToLatest(handle.db);
  const applied = result.results ?? [];
  if (applied.length === 0) console.log("Baza jest aktualna: brak migracji do wykonania.");
  for (const r of applied) console.log(`${r.status === "Success" ? "✔" : "✘"} ${r.migrationName}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
