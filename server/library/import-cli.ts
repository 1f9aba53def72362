// npm run library:import -- FILE.jsonl [--dry-run]: imports library items with a progress bar and a final report.
import { readFile } from "node:fs/promises";
import cliProgress from "cli-progress";
import { createDb } from "../../db/index.js";
import { migrateToLatest } from "../../db/migrate.js";
import { createSearchEngine } from "../../search/create-engine.js";
import { createIndexer } from "../../search/indexer/indexer.js";
import { loadConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { seedReferenceData } from "../seed/demo-seed.js";
import { formatImportReport, importLibraryJsonl } from "./library-import.js";
import { library as t } from "../../app/i18n/pl/library.js";
import "../validation/polish-zod.js";

const args = process.argv.slice(2);
const dryRun = args.includes("--dry-run");
const file = args.find((a) => !a.startsWith("--"));
if (!file) {
  console.error(t.import.usage);
  process.exit(2);
}

const config = loadConfig();
const db = createDb(config.databaseUrl);
try {
  await migrateToLatest(db.db);
  await seedReferenceData(db);
  const text = await readFile(file, "utf8");
  const bar = new cliProgress.SingleBar({ format: t.import.progress, hideCursor: true }, cliProgress.Presets.shades_classic);
  let started = false;
  const report = await importLibraryJsonl(db, text, {
    dryRun,
    onProgress: (done, total) => {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
  });
  if (started) bar.stop();
  console.log(formatImportReport(report));
  // Push the queued outbox rows into the index now, so a running app is not needed for search to see them.
  if (!dryRun && report.created + report.updated > 0) {
    const engine = createSearchEngine({ searchEngine: config.searchEngine, dataDir: config.dataDir, meiliUrl: config.meiliUrl, meiliKey: config.meiliKey });
    const indexer = createIndexer({ db, engine, logger: createLogger("warn") });
    try {
      await engine.init({ synonyms: (await import("../../search/indexer/search-runtime.js")).DEFAULT_SYNONYMS });
      await indexer.waitUntilEmpty(30_000);
    } catch (error) {
      console.error(t.import.indexLater((error as Error).message));
    } finally {
      await engine.close();
    }
  }
  process.exitCode = report.rejected.length ? 1 : 0;
} finally {
  await db.close();
}
