import PgBoss from "pg-boss";
import type { Logger } from "../logger.js";
import { DEFAULT_MAX_ATTEMPTS, type JobHandler, type JobQueue } from "./job-queue.js";

/**
 * The PostgreSQL queue: pg-boss in its own schema. Jobs are fetched with SKIP LOCKED, so with several instances each
 * job runs on exactly one of them; retries back off exponentially (pg-boss's retryBackoff).
 */
export function createPgBossQueue(deps: { url: string; logger: Logger; pollMs: number; retryBaseMs: number }): JobQueue {
  const boss = new PgBoss({ connectionString: deps.url, schema: "pgboss", max: 4 });
  boss.on("error", (error) => deps.logger.error("job queue error", { error }));
  const handlers = new Map<string, JobHandler<any>>();
  const workers = new Map<string, string>();
  const recurring = new Map<string, number>();
  let started: Promise<void> | undefined;
  const retryDelay = Math.max(1, Math.round(deps.retryBaseMs / 1000));

  return {
    handle(queue, handler) {
      handlers.set(queue, handler);
    },
    async send(queue, data, options = {}) {
      const retryLimit = (options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS) - 1;
      await boss.send(queue, data as object, { startAfter: options.runAt, retryLimit, retryDelay, retryBackoff: true });
      // Due now: this instance's worker fetches at once instead of at its next poll.
      const worker = workers.get(queue);
      if (worker && (!options.runAt || options.runAt.getTime() <= Date.now())) boss.notifyWorker(worker);
    },
    every(queue, minutes) {
      recurring.set(queue, minutes);
    },
    start() {
      started ??= (async () => {
        await boss.start();
        for (const [queue, handler] of handlers) {
          await boss.createQueue(queue).catch(() => {});
          // pg-boss waits a whole polling interval after every fetch, even one that found a job: a burst of 20 mails
          // would trickle out one per interval. After a job, the worker is told to fetch again at once.
          // The first batch may in principle arrive before work() resolves with the worker's id.
          const self = { id: "" };
          self.id = await boss.work(queue, { pollingIntervalSeconds: Math.max(0.5, deps.pollMs / 1000), batchSize: 1, includeMetadata: true }, async (jobs) => {
            for (const job of jobs) await handler({ data: job.data, attempt: job.retryCount + 1 });
            if (jobs.length && self.id) boss.notifyWorker(self.id);
          });
          workers.set(queue, self.id);
        }
        // pg-boss's cron: the schedule is a row in its schema and its clock monitor creates one job per slot across
        // all instances (a singleton key per minute), so two instances still run the job once.
        for (const [queue, minutes] of recurring) await boss.schedule(queue, `*/${minutes} * * * *`, {}, { tz: "UTC" });
      })();
      return started;
    },
    async stop() {
      if (!started) return;
      await started.catch(() => {});
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
