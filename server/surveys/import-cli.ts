// npm run survey:import -- FILE.json: imports (or updates) a survey; an invalid file is refused with each problem named.
import { readFile } from "node:fs/promises";
import { createDb } from "../../db/index.js";
import { migrateToLatest } from "../../db/migrate.js";
import { surveys as t } from "../../domain/i18n/pl/surveys.js";
import { loadCliConfig } from "../cli-config.js";
import { seedReferenceData } from "../seed/demo-seed.js";
import { findSurveyBySlug } from "../../db/repositories/surveys.js";
import { createJobQueue } from "../jobs/index.js";
import { createLogger } from "../logger.js";
import { importSurvey } from "./survey-import.js";
import { queueSurveyReminders } from "./survey-invitations.js";
import "../validation/polish-zod.js";

const file = process.argv.slice(2).find((a) => !a.startsWith("--"));
if (!file) {
  console.error("Użycie: npm run survey:import -- PLIK.json");
  process.exit(2);
}

const config = loadCliConfig();
const db = createDb(config.databaseUrl);
try {
  await migrateToLatest(db.db);
  await seedReferenceData(db);
  const result = await importSurvey(db, null, await readFile(file, "utf8"));
  if (result.ok) {
    console.log(t.import.done(result.slug));
    // The close date may have moved while the app runs: queue the reminders for the new one through the shared queue
    // (the app's own jobs for the old date then do nothing).
    const survey = await findSurveyBySlug(db.db, result.slug);
    if (survey) {
      const jobs = await createJobQueue({ db, databaseUrl: config.databaseUrl, logger: createLogger("warn"), pollMs: config.jobsPollMs, retryBaseMs: config.jobsRetryBaseMs });
      try {
        await jobs.start();
        await queueSurveyReminders(db, jobs, survey);
      } finally {
        await jobs.stop();
      }
    }
  }
  else {
    console.error(t.import.invalid);
    for (const p of result.problems) console.error(`  - ${p}`);
    process.exitCode = 1;
  }
} finally {
  await db.close();
}
