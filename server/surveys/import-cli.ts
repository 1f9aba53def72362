// npm run survey:import -- FILE.json: imports (or updates) a survey; an invalid file is refused with each problem named.
import { readFile } from "node:fs/promises";
import { createDb } from "../../db/index.js";
import { migrateToLatest } from "../../db/migrate.js";
import { surveys as t } from "../../domain/i18n/pl/surveys.js";
import { loadConfig } from "../config.js";
import { seedReferenceData } from "../seed/demo-seed.js";
import { importSurvey } from "./survey-import.js";
import "../validation/polish-zod.js";

const file = process.argv.slice(2).find((a) => !a.startsWith("--"));
if (!file) {
  console.error("Użycie: npm run survey:import -- PLIK.json");
  process.exit(2);
}

const config = loadConfig();
const db = createDb(config.databaseUrl);
try {
  await migrateToLatest(db.db);
  await seedReferenceData(db);
  const result = await importSurvey(db, null, await readFile(file, "utf8"));
  if (result.ok) console.log(t.import.done(result.slug));
  else {
    console.error(t.import.invalid);
    for (const p of result.problems) console.error(`  - ${p}`);
    process.exitCode = 1;
  }
} finally {
  await db.close();
}
