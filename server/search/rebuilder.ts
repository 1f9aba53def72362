// Rebuilds inside the running app, which owns the index: asked for by the admin page or by `npm run search:reindex`
// through a request file (rebuild-requests.ts). One rebuild at a time; asking during a rebuild queues one more, since
// the running one may already have read past what changed.
import { randomBytes } from "node:crypto";
import type { DbHandle } from "../../db/index.js";
import type { SearchEngine } from "../../search/types.js";
import type { Indexer } from "./indexer.js";
import { reindexAll } from "./reindex.js";
import { takeRebuildRequest, writeRebuildStatus, type RebuildStatus } from "./rebuild-requests.js";

type Log = { info: (msg: string, extra?: Record<string, unknown>) => void; warn: (msg: string, extra?: Record<string, unknown>) => void };

export type Rebuilder = ReturnType<typeof createRebuilder>;

/** The app's rebuild runner; poll() takes requests filed in dataDir by other processes. */
export function createRebuilder(opts: { db: DbHandle; engine: SearchEngine; indexer: Indexer; logger: Log; dataDir?: string }) {
  let status: RebuildStatus | null = null;
  let running: Promise<void> | null = null;
  let next: { id: string; source: string } | null = null;

  function publish(patch: Partial<RebuildStatus> & Pick<RebuildStatus, "id" | "state" | "source">): void {
    status = { progress: null, summary: null, count: null, error: null, ...patch, updatedAt: new Date().toISOString() };
    if (!opts.dataDir) return;
    try {
      writeRebuildStatus(opts.dataDir, status);
    } catch (error) {
      opts.logger.warn("search: could not write the rebuild status", { error: (error as Error).message });
    }
  }

  async function run(id: string, source: string): Promise<void> {
    publish({ id, state: "running", source });
    // The outbox drain waits: a removal applied mid-rebuild could be undone by a row the rebuild read earlier.
    await opts.indexer.stop();
    try {
      let last = 0;
      const summary = await reindexAll(opts.db, opts.engine, (progress) => {
        if (Date.now() - last < 200 && progress.done < progress.total) return;
        last = Date.now();
        publish({ id, state: "running", source, progress });
      });
      publish({ id, state: "done", source, summary, count: await opts.engine.count() });
      opts.logger.info(`search: index rebuilt on request (${source}): ${summary.total} documents in ${summary.ms} ms`);
    } catch (error) {
      publish({ id, state: "failed", source, error: error instanceof Error ? error.message : String(error) });
      opts.logger.warn("search: requested rebuild failed", { error: error instanceof Error ? error.message : String(error) });
    } finally {
      opts.indexer.start();
    }
  }

  function loop(id: string, source: string): void {
    running = (async () => {
      let job: { id: string; source: string } | null = { id, source };
      while (job) {
        await run(job.id, job.source);
        job = next;
        next = null;
      }
    })().finally(() => {
      running = null;
    });
  }

  return {
    /** Starts a rebuild (or queues one after the running one); returns its id. */
    request(source: string, id = randomBytes(8).toString("hex")): string {
      if (running) {
        next ??= { id, source };
        publish({ id: next.id, state: "queued", source: next.source });
        return next.id;
      }
      loop(id, source);
      return id;
    },
    /** Takes a request filed by another process, if any. */
    poll(): void {
      if (!opts.dataDir) return;
      const filed = takeRebuildRequest(opts.dataDir);
      if (filed) this.request("cli", filed.id);
    },
    /** The latest rebuild's state in this process. */
    status: (): RebuildStatus | null => status,
    /** Resolves when no rebuild is running (shutdown, tests). */
    idle: async (): Promise<void> => {
      while (running) await running;
    },
  };
}
