import type { Db } from "../index.js";
import type { JobRow, NewJob } from "../schema.js";
import { nowIso } from "../time.js";

/** Adds a job to the SQLite queue; returns its id. */
export async function insertJob(db: Db, job: Pick<NewJob, "queue" | "payload" | "runAt" | "maxAttempts">): Promise<number> {
  const row = await db
    .insertInto("jobs")
    .values({ queue: job.queue, payload: job.payload, runAt: job.runAt, maxAttempts: job.maxAttempts, lockedUntil: null, lastError: null, doneAt: null, failedAt: null, createdAt: nowIso() })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Takes the oldest due job of the given queues and leases it until `leaseUntil` (a crash mid-job frees it again when
 * the lease runs out). SQLite serialises write transactions, so two pollers never take the same job.
 */
export async function claimDueJob(db: Db, queues: string[], leaseUntil: string): Promise<Pick<JobRow, "id" | "queue" | "payload" | "attempts" | "maxAttempts"> | undefined> {
  if (queues.length === 0) return undefined;
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const job = await trx
      .selectFrom("jobs")
      .select(["id", "queue", "payload", "attempts", "maxAttempts"])
      .where("doneAt", "is", null)
      .where("failedAt", "is", null)
      .where("queue", "in", queues)
      .where("runAt", "<=", now)
      .where((eb) => eb.or([eb("lockedUntil", "is", null), eb("lockedUntil", "<", now)]))
      .orderBy("runAt")
      .orderBy("id")
      .limit(1)
      .executeTakeFirst();
    if (!job) return undefined;
    await trx.updateTable("jobs").set({ lockedUntil: leaseUntil, attempts: job.attempts + 1 }).where("id", "=", job.id).execute();
    return { ...job, attempts: job.attempts + 1 };
  });
}

/** Marks a job done. */
export async function completeJob(db: Db, id: number): Promise<void> {
  await db.updateTable("jobs").set({ doneAt: nowIso(), lockedUntil: null }).where("id", "=", id).execute();
}

/** Records a failure: the job runs again at `retryAt`, or is given up (failedAt) when retryAt is null. */
export async function failJob(db: Db, id: number, error: string, retryAt: string | null): Promise<void> {
  await db
    .updateTable("jobs")
    .set(retryAt ? { lastError: error.slice(0, 2000), lockedUntil: null, runAt: retryAt } : { lastError: error.slice(0, 2000), lockedUntil: null, failedAt: nowIso() })
    .where("id", "=", id)
    .execute();
}

/** Deletes finished jobs older than `before` (the queue table does not grow for ever). */
export async function purgeFinishedJobs(db: Db, before: string): Promise<void> {
  await db
    .deleteFrom("jobs")
    .where((eb) => eb.or([eb("doneAt", "<", before), eb("failedAt", "<", before)]))
    .execute();
}

/** Whether the queue holds a job still waiting for a later time (a recurring queue's next run). */
export async function hasFutureJob(db: Db, queue: string): Promise<boolean> {
  const row = await db.selectFrom("jobs").select("id").where("queue", "=", queue).where("doneAt", "is", null).where("failedAt", "is", null).where("runAt", ">", nowIso()).limit(1).executeTakeFirst();
  return row !== undefined;
}
