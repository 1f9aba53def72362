/** What a job handler gets: its payload and which attempt this is (1 on the first run). */
export type JobContext<T> = { data: T; attempt: number };
export type JobHandler<T = unknown> = (job: JobContext<T>) => Promise<void>;

/** Options for one job: when to run it first and how often to try. */
export type SendOptions = { runAt?: Date; maxAttempts?: number };

/**
 * One interface for durable, retried background work (mail, reminders, digests). On PostgreSQL it is pg-boss, so
 * several instances share the queue and each job runs once; on SQLite a jobs table polled by the single instance.
 * A failing handler is retried with exponential backoff until maxAttempts.
 */
export type JobQueue = {
  /** Registers the handler of a queue; call before start(). */
  handle<T>(queue: string, handler: JobHandler<T>): void;
  /** Stores a job; it survives a restart and runs at `runAt` (now by default). */
  send<T>(queue: string, data: T, options?: SendOptions): Promise<void>;
  /**
   * Runs the queue's handler (payload `{}`) every `minutes` (a divisor of 60), at whole slots of the clock: one job per
   * slot however many instances run, stored so a restart keeps the schedule. Call before start().
   */
  every(queue: string, minutes: number): void;
  start(): Promise<void>;
  /** Stops fetching and waits for running jobs. */
  stop(): Promise<void>;
};

/** Backoff after the n-th failed attempt (1-based): base·2^(n−1), at most an hour. */
export function backoffMs(attempt: number, baseMs: number): number {
  return Math.min(3600_000, baseMs * 2 ** (attempt - 1));
}

export const DEFAULT_MAX_ATTEMPTS = 6;

/** The next whole slot of `minutes` after `now` (12:00, 12:15, … for 15). */
export function nextSlot(now: Date, minutes: number): Date {
  const step = minutes * 60_000;
  return new Date((Math.floor(now.getTime() / step) + 1) * step);
}
