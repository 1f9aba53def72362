export type RateLimitResult = { allowed: boolean; retryAfterMs: number };

/**
 * Fixed-window counters kept in memory. Enough for one instance; behind a load balancer each instance limits on its
 * own, which at worst multiplies the allowance by the instance count.
 */
export class RateLimiter {
  private windows = new Map<string, { count: number; resetAt: number }>();
  private sweep: NodeJS.Timeout;

  constructor() {
    this.sweep = setInterval(() => this.prune(), 60_000);
    this.sweep.unref();
  }

  /** Counts one hit against `key`; refuses once more than `limit` hits fall in the window. */
  hit(key: string, limit: number, windowMs: number): RateLimitResult {
    const now = Date.now();
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      w = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, w);
    }
    w.count += 1;
    return { allowed: w.count <= limit, retryAfterMs: w.count <= limit ? 0 : w.resetAt - now };
  }

  /** Looks without counting. */
  peek(key: string, limit: number): RateLimitResult {
    const w = this.windows.get(key);
    const now = Date.now();
    if (!w || w.resetAt <= now) return { allowed: true, retryAfterMs: 0 };
    return { allowed: w.count < limit, retryAfterMs: w.count < limit ? 0 : w.resetAt - now };
  }

  /** Forgets a key (after a successful login the account's failure count starts again). */
  reset(key: string): void {
    this.windows.delete(key);
  }

  close(): void {
    clearInterval(this.sweep);
  }

  private prune() {
    const now = Date.now();
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
  }
}
