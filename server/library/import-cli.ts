// npm run library:import -- FILE.jsonl [--dry-run]: imports library items with a progress bar and a final report.
import { readFile } from "node:fs/promises";
import cliProgress from "cli-progress";
import { createDb } from "../../db/index.js";
import { migrateToLatest } from "../../db/migrate.js";
import { createSearchEngine } from "../../search/create-engine.js";
import { createIndexer } from "../search/indexer.js";
import { DEFAULT_SYNONYMS } from "../search/search-runtime.js";
import { lockOrRunningApp } from "../search/writer-lock.js";
import { loadCliConfig } from "../cli-config.js";
import { createLogger } from "../logger.js";
import { seedReferenceData } from "../seed/demo-seed.js";
import { formatImportReport, importLibraryJsonl } from "./library-import.js";
import { library as t } from "../../domain/i18n/pl/library.js";
import "../validation/polish-zod.js";

const args = process.argv.slice(2);
const dryRun = args.includes("--dry-run");
const file = args.find((a) => !a.startsWith("--"));
if (!file) {
  console.error(t.import.usage);
  process.exit(2);
}

const config = loadCliConfig();
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
  // Make the imported items searchable. A running app owns the embedded index (in its memory): it picks the outbox
  // rows up within a second, and writing the file here would neither reach it nor be safe. Without an app, index now.
  if (!dryRun && report.created + report.updated > 0) {
    const embedded = config.searchEngine === "embedded";
    const owner = embedded ? await lockOrRunningApp(config.dataDir, { onWait: (h) => console.log(t.import.waitingForWriter(h.pid)) }) : null;
    if (owner?.app) {
      console.log(t.import.appWillIndex(report.created + report.updated, owner.app.pid));
    } else {
      const engine = createSearchEngine({ searchEngine: config.searchEngine, dataDir: config.dataDir, meiliUrl: config.meiliUrl, meiliKey: config.meiliKey });
      const indexer = createIndexer({ db, engine, logger: createLogger("warn") });
      try {
        await engine.init({ synonyms: DEFAULT_SYNONYMS });
        await indexer.waitUntilEmpty(30_000);
      } catch (error) {
        console.error(t.import.indexLater((error as Error).message));
      } finally {
        await engine.close();
        owner?.lock?.release();
      }
    }
  }
  process.exitCode = report.rejected.length ? 1 : 0;
} finally {
  await db.close();
}
