// npm run search:reindex: rebuilds the search index from the database with a progress bar and a summary. Next to a
// running app (which holds the embedded index in memory) it asks the app to rebuild and follows its progress;
// otherwise it rebuilds the index itself.
import cliProgress from "cli-progress";
import { createDb } from "../../db/index.js";
import { migrateToLatest } from "../../db/migrate.js";
import { loadCliConfig } from "../cli-config.js";
import { createSearchEngine } from "../../search/create-engine.js";
import { reindexAll, type ReindexProgress } from "./reindex.js";
import { fileRebuildRequest, readRebuildStatus, withdrawRebuildRequest } from "./rebuild-requests.js";
import { DEFAULT_SYNONYMS } from "./search-runtime.js";
import { liveWriter, lockOrRunningApp, type LockInfo } from "./writer-lock.js";
import { library as t } from "../../domain/i18n/pl/library.js";

const config = loadCliConfig();
const bars = new cliProgress.MultiBar({ format: "{phase} [{bar}] {value}/{total}", hideCursor: true, clearOnComplete: false }, cliProgress.Presets.shades_classic);
const phases = new Map<string, cliProgress.SingleBar>();
function showProgress(p: ReindexProgress): void {
  const label = t.reindex[p.phase];
  let bar = phases.get(p.phase);
  if (!bar) phases.set(p.phase, (bar = bars.create(p.total, 0, { phase: label })));
  bar.setTotal(p.total);
  bar.update(p.done, { phase: label });
}

/** Asks the running app to rebuild; true when it finished (either way), false when the app went away first. */
async function rebuildInApp(app: LockInfo): Promise<boolean> {
  const id = fileRebuildRequest(config.dataDir);
  console.log(t.reindex.byApp(app.pid));
  let queuedTold = false;
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    const status = readRebuildStatus(config.dataDir);
    if (status?.id === id) {
      if (status.state === "queued" && !queuedTold) {
        queuedTold = true;
        console.log(t.reindex.queued);
      }
      if (status.progress) showProgress(status.progress);
      if (status.state === "done" && status.summary) {
        bars.stop();
        console.log(t.reindex.done("embedded", status.summary));
        console.log(t.reindex.count(status.count ?? 0));
        return true;
      }
      if (status.state === "failed") {
        bars.stop();
        console.error(t.reindex.failed(status.error ?? ""));
        process.exitCode = 1;
        return true;
      }
    }
    const holder = liveWriter(config.dataDir);
    if (!holder || holder.token !== app.token) {
      withdrawRebuildRequest(config.dataDir, id);
      bars.stop();
      console.log(t.reindex.appGone);
      return false;
    }
  }
}

async function rebuildHere(): Promise<void> {
  const db = createDb(config.databaseUrl);
  const engine = createSearchEngine({ searchEngine: config.searchEngine, dataDir: config.dataDir, meiliUrl: config.meiliUrl, meiliKey: config.meiliKey });
  try {
    await migrateToLatest(db.db);
    await engine.init({ synonyms: DEFAULT_SYNONYMS });
    const summary = await reindexAll(db, engine, showProgress);
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
}

if (config.searchEngine !== "embedded") {
  // Meilisearch is shared by every instance and has no local file: rebuild it from here.
  await rebuildHere();
} else {
  for (;;) {
    const owner = await lockOrRunningApp(config.dataDir, { onWait: (h) => console.log(t.import.waitingForWriter(h.pid)) });
    if (owner.app) {
      if (await rebuildInApp(owner.app)) break;
      continue;
    }
    try {
      await rebuildHere();
    } finally {
      owner.lock.release();
    }
    break;
  }
}
