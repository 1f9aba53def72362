import { createClient } from "redis";

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

let availability: Promise<string | null> | undefined;

/**
 * Whether the Redis scale-out suites can run. With CI=true a missing server is an error (the suites are required);
 * elsewhere the suites skip and print why.
 */
export function redisUnavailableReason(): Promise<string | null> {
  availability ??= (async () => {
    const c = createClient({ url: TEST_REDIS_URL, socket: { connectTimeout: 2000, reconnectStrategy: false } });
    c.on("error", () => {});
    try {
      await c.connect();
      await c.ping();
      return null;
    } catch (error) {
      const reason = `Redis not reachable at ${TEST_REDIS_URL}: ${(error as Error).message}`;
      if (process.env.CI === "true") throw new Error(`${reason} (required when CI=true)`);
      console.warn(`[skip] ${reason}`);
      return reason;
    } finally {
      await c.quit().catch(() => {});
    }
  })();
  return availability;
}
