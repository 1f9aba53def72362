import type { DbHandle } from "../../db/index.js";
import type { Logger } from "../logger.js";
import type { JobQueue } from "./job-queue.js";
import { createSqliteQueue } from "./sqlite-queue.js";

export type { JobQueue, JobHandler, SendOptions } from "./job-queue.js";

/**
 * The queue for the configured database: pg-boss on PostgreSQL, the polled jobs table on SQLite. pg-boss is loaded
 * only for PostgreSQL (a few MB of heap a SQLite installation would carry for nothing).
 */
export async function createJobQueue(deps: { db: DbHandle; databaseUrl: string; logger: Logger; pollMs: number; retryBaseMs: number }): Promise<JobQueue> {
  return deps.db.dialect === "postgres"
    ? (await import("./pg-boss-queue.js")).createPgBossQueue({ url: deps.databaseUrl, logger: deps.logger, pollMs: deps.pollMs, retryBaseMs: deps.retryBaseMs })
    : createSqliteQueue({ db: deps.db.db, logger: deps.logger, pollMs: deps.pollMs, retryBaseMs: deps.retryBaseMs });
}
