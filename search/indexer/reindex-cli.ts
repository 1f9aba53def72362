// npm run search:reindex: rebuilds the search index from the database with a progress bar and a summary.
import cliProgress from "cli-progress";
import { createDb } from "../../db/index.js";
import { migrateToLatest } from "../../db/migrate.js";
import { loadConfig } from "../../server/config.js";
import { createSearchEngine } from "../create-engine.js";
import { reindexAll } from "./reindex.js";
import { DEFAULT_SYNONYMS } from "./search-runtime.js";
import { library as t } from "../../app/i18n/pl/library.js";

const config = loadConfig();
const db = createDb(config.databaseUrl);
const engine = createSearchEngine({ searchEngine: config.searchEngine, dataDir: config.dataDir, meiliUrl: config.meiliUrl, meiliKey: config.meiliKey });
const bars = new cliProgress.MultiBar({ format: "{phase} [{bar}] {value}/{total}", hideCursor: true, clearOnComplete: false }, cliProgress.Presets.shades_classic);
const phases = new Map<string, cliProgress.SingleBar>();
try {
  await migrateToLatest(db.db);
  await engine.init({ synonyms: DEFAULT_SYNONYMS });
  const summary = await reindexAll(db, engine, (p) => {
    const label = t.reindex[p.phase];
    let bar = phases.get(p.phase);
    if (!bar) phases.set(p.phase, (bar = bars.create(p.total, 0, { phase: label })));
    bar.setTotal(p.total);
    bar.update(p.done, { phase: label });
  });
  bars.stop();
  console.log(t.reindex.done(engine.name, summary));
  console.log(t.reindex.count(await engine.count()));
} catch (error) {
  bars.stop();
  console.error(t.reindex.failed((error as Error).message));
  process.exitCode = 1;
} finally {
  await engine.close();
  await db.close();
}
