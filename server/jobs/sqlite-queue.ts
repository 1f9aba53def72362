import { claimDueJob, completeJob, failJob, hasFutureJob, insertJob, purgeFinishedJobs } from "../../db/repositories/jobs.js";
import type { Db } from "../../db/index.js";
import type { Logger } from "../logger.js";
import { backoffMs, DEFAULT_MAX_ATTEMPTS, nextSlot, type JobHandler, type JobQueue } from "./job-queue.js";

const LEASE_MS = 5 * 60_000;

/**
 * The SQLite queue: a jobs table polled by the one instance SQLite allows. A job is leased while it runs, so a crash
 * mid-job only delays it until the lease ends; it is never lost.
 */
export function createSqliteQueue(deps: { db: Db; logger: Logger; pollMs: number; retryBaseMs: number }): JobQueue {
  const handlers = new Map<string, JobHandler<any>>();
  const recurring = new Map<string, number>();

  // A recurring queue keeps exactly one future job: stored at start when missing (first start, or a restart after the
  // table was purged) and after each run, so the schedule lives in the table, not in a timer.
  async function planNext(queue: string) {
    const minutes = recurring.get(queue);
    if (minutes === undefined || (await hasFutureJob(deps.db, queue))) return;
    await insertJob(deps.db, { queue, payload: "{}", runAt: nextSlot(new Date(), minutes).toISOString(), maxAttempts: DEFAULT_MAX_ATTEMPTS });
  }
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = true;
  let again = false;
  let lastPurge = 0;

  async function drain() {
    while (!stopped) {
      const job = await claimDueJob(deps.db, [...handlers.keys()], new Date(Date.now() + LEASE_MS).toISOString());
      if (!job) break;
      const handler = handlers.get(job.queue)!;
      try {
        await handler({ data: JSON.parse(job.payload), attempt: job.attempts });
        await completeJob(deps.db, job.id);
      } catch (error) {
        const retry = job.attempts < job.maxAttempts ? new Date(Date.now() + backoffMs(job.attempts, deps.retryBaseMs)).toISOString() : null;
        deps.logger.warn("job failed", { queue: job.queue, id: job.id, attempt: job.attempts, retry, error: (error as Error).message });
        await failJob(deps.db, job.id, (error as Error).message ?? String(error), retry);
      }
      await planNext(job.queue);
    }
    if (Date.now() - lastPurge > 3600_000) {
      lastPurge = Date.now();
      await purgeFinishedJobs(deps.db, new Date(Date.now() - 7 * 86400_000).toISOString());
    }
  }

  // A job stored while a drain is finishing (after its last empty claim) would otherwise wait for the next poll:
  // remember the call and drain once more.
  function tick() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    again = false;
    running = drain()
      .catch((error) => deps.logger.error("job poll failed", { error }))
      .finally(() => {
        running = undefined;
        if (again) tick();
      });
  }

  return {
    handle(queue, handler) {
      handlers.set(queue, handler);
    },
    async send(queue, data, options = {}) {
      await insertJob(deps.db, { queue, payload: JSON.stringify(data), runAt: (options.runAt ?? new Date()).toISOString(), maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS });
      // Due now: run it soon rather than at the next tick.
      if (!options.runAt || options.runAt.getTime() <= Date.now()) setImmediate(tick);
    },
    every(queue, minutes) {
      recurring.set(queue, minutes);
    },
    async start() {
      for (const queue of recurring.keys()) await planNext(queue);
      stopped = false;
      timer = setInterval(tick, deps.pollMs);
      timer.unref();
      tick();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
