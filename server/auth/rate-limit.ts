import { createRedisClient, type RedisClient } from "../redis-client.js";
import type { Logger } from "../logger.js";

/** `count`: hits in the current window, including this one (for progressive delays). */
export type RateLimitResult = { allowed: boolean; retryAfterMs: number; count: number };

/**
 * Fixed-window rate limits by key (login attempts per IP and per account, posting, publishing…). One instance keeps
 * the counters in memory; with REDIS_URL every instance counts in Redis, so a limit holds however many instances
 * sit behind the load balancer.
 */
export interface RateLimiter {
  /** Counts one hit against `key`; refuses once more than `limit` hits fall in the window. */
  hit(key: string, limit: number, windowMs: number): Promise<RateLimitResult>;
  /** Looks without counting. */
  peek(key: string, limit: number): Promise<RateLimitResult>;
  /** Forgets a key (after a successful login the account's failure count starts again). */
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}

/** Counters in this process. */
export class MemoryRateLimiter implements RateLimiter {
  private windows = new Map<string, { count: number; resetAt: number }>();
  private sweep: NodeJS.Timeout;

  constructor() {
    this.sweep = setInterval(() => this.prune(), 60_000);
    this.sweep.unref();
  }

  async hit(key: string, limit: number, windowMs: number): Promise<RateLimitResult> {
    const now = Date.now();
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      w = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, w);
    }
    w.count += 1;
    return { allowed: w.count <= limit, retryAfterMs: w.count <= limit ? 0 : w.resetAt - now, count: w.count };
  }

  async peek(key: string, limit: number): Promise<RateLimitResult> {
    const w = this.windows.get(key);
    const now = Date.now();
    if (!w || w.resetAt <= now) return { allowed: true, retryAfterMs: 0, count: 0 };
    return { allowed: w.count < limit, retryAfterMs: w.count < limit ? 0 : w.resetAt - now, count: w.count };
  }

  async reset(key: string): Promise<void> {
    this.windows.delete(key);
  }

  async close(): Promise<void> {
    clearInterval(this.sweep);
  }

  private prune() {
    const now = Date.now();
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
  }
}

/**
 * Counters in Redis (INCR, expiry set with the first hit of a window). If Redis does not answer, this instance
 * falls back to its own counters rather than refusing everyone or letting everyone through unlimited.
 */
export class RedisRateLimiter implements RateLimiter {
  private fallback = new MemoryRateLimiter();
  private warned = false;

  private constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
    private readonly logger: Logger,
  ) {}

  static async connect(url: string, prefix: string, logger: Logger): Promise<RedisRateLimiter> {
    const client = await createRedisClient({ url, socket: { connectTimeout: 2000 } });
    client.on("error", (error: unknown) => logger.error("rate limits: redis error", { error: String(error) }));
    await client.connect();
    return new RedisRateLimiter(client, prefix, logger);
  }

  private async guarded<T>(run: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    if (!this.client.isReady) return fallback();
    try {
      return await run();
    } catch (error) {
      if (!this.warned) this.logger.warn("rate limits: redis failed, counting on this instance", { error: String(error) });
      this.warned = true;
      return fallback();
    }
  }

  hit(key: string, limit: number, windowMs: number): Promise<RateLimitResult> {
    return this.guarded(
      async () => {
        const k = this.prefix + key;
        const [count, , ttl] = (await this.client.multi().incr(k).pExpire(k, windowMs, "NX").pTTL(k).exec()) as unknown as [number, unknown, number];
        const allowed = count <= limit;
        return { allowed, retryAfterMs: allowed ? 0 : Math.max(ttl, 0), count };
      },
      () => this.fallback.hit(key, limit, windowMs),
    );
  }

  peek(key: string, limit: number): Promise<RateLimitResult> {
    return this.guarded(
      async () => {
        const k = this.prefix + key;
        const [raw, ttl] = (await this.client.multi().get(k).pTTL(k).exec()) as unknown as [string | null, number];
        const count = Number(raw ?? 0);
        const allowed = count < limit;
        return { allowed, retryAfterMs: allowed ? 0 : Math.max(ttl, 0), count };
      },
      () => this.fallback.peek(key, limit),
    );
  }

  reset(key: string): Promise<void> {
    return this.guarded(
      async () => {
        await this.client.del(this.prefix + key);
      },
      () => this.fallback.reset(key),
    );
  }

  async close(): Promise<void> {
    await this.fallback.close();
    await this.client.quit().catch(() => undefined);
  }
}

/** The limiter for this configuration: shared through Redis when REDIS_URL is set. */
export async function createRateLimiter(redisUrl: string | undefined, prefix: string, logger: Logger): Promise<RateLimiter> {
  return redisUrl ? RedisRateLimiter.connect(redisUrl, prefix, logger) : new MemoryRateLimiter();
}
